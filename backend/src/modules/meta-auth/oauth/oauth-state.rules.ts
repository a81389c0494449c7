import { createHash, randomBytes } from 'node:crypto';

/** How long a connect link stays usable: long enough to read Meta's dialog, short enough to be worthless later. */
export const OAUTH_STATE_TTL_SECONDS = 600;

/** 32 random bytes, base64url: unguessable, and safe in a query string. */
export function newOAuthState(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so a database reader cannot complete someone else's pending connect. */
export function hashOAuthState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/** What a state value looks like; anything else is rejected before touching the database. */
export function isWellFormedOAuthState(state: unknown): state is string {
  return typeof state === 'string' && /^[A-Za-z0-9_-]{43}$/.test(state);
}

export type OAuthStateProblem = 'unknown' | 'used' | 'expired';

export interface StoredOAuthState {
  expiresAt: Date;
  usedAt: Date | null;
}

/** Why a stored state cannot be accepted now, or null when it can (it is then consumed). */
export function oauthStateProblem(row: StoredOAuthState | null | undefined, now: Date): OAuthStateProblem | null {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}
