import { MetaGraphError } from '../../../infra/meta-graph';

/**
 * What a sync does about a failed Graph call, by the error's kind (`classifyGraphError`). The one place this mapping
 * lives, so that moving to a shared Graph-sync policy is a one-file change.
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

const MIN_DELAY_MS = 1_000;
/** Meta's longest block is an hour; beyond that the headers are wrong and we look again. */
const MAX_DELAY_MS = 3_600_000;

export function decideAdsSyncFailure(error: unknown, fallbackPauseMs: number): AdsSyncAction {
  if (!(error instanceof MetaGraphError)) return { action: 'retry', message: error instanceof Error ? error.message : String(error) };
  switch (error.kind) {
    case 'rate_limited': {
      const delayMs = Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, error.retryAfterMs ?? fallbackPauseMs));
      return {
        action: 'delay',
        delayMs,
        message: `Meta is throttling this ad account's calls (${error.code ?? 'rate limit'}); the sync resumes in ${Math.ceil(delayMs / 1000)} s`,
      };
    }
    case 'auth':
      return { action: 'reauth', message: `Meta no longer accepts the token: ${error.message}` };
    case 'permission':
      return {
        action: 'fail',
        message: `Meta refused for lack of a permission (${(error.missingPermissions ?? []).join(', ') || 'ads_read or ads_management'}): ${error.message}`,
      };
    case 'transient':
      return { action: 'retry', message: error.message };
    case 'validation':
    case 'unknown':
      return { action: 'fail', message: error.userMessage ?? error.message };
  }
}
