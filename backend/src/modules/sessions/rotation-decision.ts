/** The facts about a presented refresh token that decide what a refresh does. */
export interface PresentedTokenState {
  revokedAt: Date | null;
  rotatedAt: Date | null;
  expiresAt: Date;
}

/**
 * - `invalid`: unknown, revoked (its family was ended) or expired; refuse.
 * - `grace`: exchanged less than `graceMs` ago. Two tabs (or two requests of one page) that refresh at once send the
 *   same cookie; the one that loses the row lock lands here. It gets an access token of the same session but no new
 *   refresh token, so the successor the winner received stays the family's only current token.
 * - `reuse`: exchanged longer ago than the grace window, so someone holds a copy; refuse and revoke the whole family,
 *   which logs out both the thief and the victim (the victim logs in again, the thief cannot).
 * - `rotate`: the current token of a live family; exchange it.
 */
export type RotationDecision = 'invalid' | 'grace' | 'reuse' | 'rotate';

export function decideRotation(token: PresentedTokenState | null, now: Date, graceMs = 0): RotationDecision {
  if (!token || token.revokedAt) return 'invalid';
  if (token.rotatedAt) return now.getTime() - token.rotatedAt.getTime() < graceMs ? 'grace' : 'reuse';
  if (token.expiresAt.getTime() <= now.getTime()) return 'invalid';
  return 'rotate';
}
