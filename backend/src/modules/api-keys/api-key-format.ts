import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keys look like `lgk_<prefix>_<secret>`: `lgk_` makes them recognisable to secret scanners, the 12-hex-char prefix
 * is a random lookup id (stored in clear, unique), and the secret is 32 random bytes (256 bits) in base64url.
 *
 * Only SHA-256 of the whole key is stored. A slow KDF (argon2, bcrypt) exists to make guessing low-entropy human
 * passwords expensive; a 256-bit random secret cannot be guessed whatever the hash speed, so a fast hash is as safe
 * here and keeps authenticating every API request cheap.
 */
export const API_KEY_PREFIX = 'lgk_';
const PREFIX_BYTES = 6;
const SECRET_BYTES = 32;
const KEY_PATTERN = /^lgk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(PREFIX_BYTES).toString('hex');
  const key = `${API_KEY_PREFIX}${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The lookup prefix of a well-formed key, or null for anything else (checked before touching the database). */
export function parseApiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** How the key is shown after creation: enough to recognise it in a list. */
export const displayPrefix = (prefix: string): string => `${API_KEY_PREFIX}${prefix}`;
