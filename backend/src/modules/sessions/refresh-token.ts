import { createHash, randomBytes } from 'node:crypto';

/** A refresh token is 32 random bytes; only its SHA-256 is stored (a slow KDF adds nothing to 256 bits of entropy). */
export function generateRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check so garbage never reaches the database. */
export const looksLikeRefreshToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
