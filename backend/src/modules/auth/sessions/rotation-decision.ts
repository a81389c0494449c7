/** The facts about a presented refresh token that decide what a refresh does. */
export interface PresentedTokenState {
  revokedAt: Date | null;
  rotatedAt: Date | null;
  expiresAt: Date;
}

/**
 * - `invalid`: unknown, revoked (its family was ended) or expired; refuse.
 * - `reuse`: already exchanged for a successor, so someone holds a copy; refuse and revoke the whole family, which
 *   logs out both the thief and the victim (the victim logs in again, the thief cannot).
 * - `rotate`: the current token of a live family; exchange it.
 */
export type RotationDecision = 'invalid' | 'reuse' | 'rotate';

export function decideRotation(token: PresentedTokenState | null, now: Date): RotationDecision {
  if (!token || token.revokedAt) return 'invalid';
  if (token.rotatedAt) return 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'invalid';
  return 'rotate';
}
