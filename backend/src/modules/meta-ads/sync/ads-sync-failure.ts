import { MetaGraphError } from '../../../infra/meta-graph';
import { decideGraphSync } from '../../../infra/meta-sync';

/**
 * What a sync does about a failed Graph call: the shared Graph-sync policy (`infra/meta-sync`) decides the action;
 * this file only words it for the ad account's sync state and names the ads' own action for a dead token.
 */
export type AdsSyncAction =
  /** Meta throttles the account or the app: run again at `delayMs` from now, without spending an attempt. */
  | { action: 'delay'; delayMs: number; message: string }
  /** The token is dead: mark the connection reauth_required; syncing again changes nothing until a reconnect. */
  | { action: 'reauth'; message: string }
  /** A permission is missing or Meta refused the request: fail for good (the next schedule tries again). */
  | { action: 'fail'; message: string }
  /** Meta or the network hiccuped: let the queue retry with backoff. */
  | { action: 'retry'; message: string };

export function decideAdsSyncFailure(error: unknown, fallbackPauseMs: number): AdsSyncAction {
  // The queue's attempts bound the retries; the sync itself never gives up on a hiccup.
  const decision = decideGraphSync(error, { isLastAttempt: false, rateLimitPauseMs: fallbackPauseMs });
  const { failure } = decision;
  switch (decision.action) {
    case 'delay':
      return {
        action: 'delay',
        delayMs: decision.delayMs,
        message: `Meta is throttling this ad account's calls (${failure.code ?? 'rate limit'}); the sync resumes in ${Math.ceil(decision.delayMs / 1000)} s`,
      };
    case 'park':
      return { action: 'reauth', message: `Meta no longer accepts the token: ${failure.message}` };
    case 'retry':
      return { action: 'retry', message: failure.message };
    case 'fail': {
      if (failure.kind !== 'permission') return { action: 'fail', message: failure.hint ?? failure.message };
      const named = error instanceof MetaGraphError ? (error.missingPermissions ?? []) : [];
      return {
        action: 'fail',
        message: `Meta refused for lack of a permission (${named.join(', ') || 'ads_read or ads_management'}): ${failure.message}`,
      };
    }
  }
}
