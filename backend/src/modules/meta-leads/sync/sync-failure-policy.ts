import type { LeadSyncErrorKind } from '@legeai/contracts';
import { MetaGraphError } from '../../../infra/meta-graph/meta-graph-error';
import { TokenCipherError } from '../../../infra/crypto/token-cipher';
import { PAUSE_HINT, pauseMessage, type GraphPause } from '../../meta-auth';

/** What the pipeline does about a failed attempt to fetch and store one lead. */
export type SyncAction =
  /** The connection needs a reconnect: mark it reauth_required, park the lead, replay it after the reconnect. */
  | { action: 'park' }
  /** Give up until someone replays it (permission missing, Meta refused the request, retries ran out). */
  | { action: 'fail' }
  /** A quota is spent: run the job again at `delayMs` from now, without spending one of its attempts. */
  | { action: 'delay'; delayMs: number }
  /** Let the queue retry the job with backoff. */
  | { action: 'retry' };

export interface SyncFailure {
  kind: LeadSyncErrorKind;
  code: number | null;
  message: string;
  hint: string | null;
}

export type SyncDecision = SyncAction & { failure: SyncFailure };

export interface DecisionContext {
  /** Whether the queue will not run this job again if it fails now. */
  isLastAttempt: boolean;
  /** What the connected user may do on the Page (ADVERTISE, MANAGE, ...), to explain permission errors. */
  pageTasks?: readonly string[];
  /**
   * How long to wait when Meta gives no regain time: the Graph client's own pause for such a scope
   * (META_RATE_LIMIT_PAUSE_MS), so the job does not come back before the client would let it call Meta again.
   */
  rateLimitPauseMs: number;
}

const MIN_RATE_LIMIT_DELAY_MS = 1_000;
/** Meta's longest block is an hour; beyond that the headers are wrong and we look again. */
const MAX_RATE_LIMIT_DELAY_MS = 3_600_000;
/** Page tasks that allow reading leads (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */
const LEAD_TASKS = ['ADVERTISE', 'MANAGE'];

/** Turns one error into the action and what the timeline records. Pure. */
export function decideSyncFailure(error: unknown, ctx: DecisionContext): SyncDecision {
  if (error instanceof MetaGraphError) return decideGraphError(error, ctx);
  if (error instanceof TokenCipherError) {
    return {
      action: 'park',
      failure: { kind: 'auth', code: null, message: 'The stored Page token cannot be decrypted', hint: RECONNECT_HINT },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    action: ctx.isLastAttempt ? 'fail' : 'retry',
    failure: { kind: 'unknown', code: null, message, hint: ctx.isLastAttempt ? RETRIES_HINT : null },
  };
}

/**
 * What the timeline says about a lead that waits because its connection's Graph calls are paused: the pause, once for
 * all of them, instead of each lead's own copy of Meta's error. The lead was not read; no attempt was spent.
 */
export function pausedFailure(pause: GraphPause): SyncFailure {
  return { kind: 'paused', code: null, message: pauseMessage(pause), hint: PAUSE_HINT };
}

const RECONNECT_HINT = 'Meta no longer accepts the token: reconnect the Meta account; parked leads are replayed automatically';
const RETRIES_HINT = 'Retries ran out; replay the lead once the cause is fixed';

function decideGraphError(error: MetaGraphError, ctx: DecisionContext): SyncDecision {
  const failure = (hint: string | null): SyncFailure => ({ kind: error.kind, code: error.code ?? null, message: error.message, hint });
  switch (error.kind) {
    case 'auth':
      return { action: 'park', failure: failure(RECONNECT_HINT) };
    case 'permission':
      return { action: 'fail', failure: failure(permissionHint(error, ctx.pageTasks)) };
    case 'rate_limited': {
      const wanted = error.retryAfterMs ?? ctx.rateLimitPauseMs;
      const delayMs = Math.min(MAX_RATE_LIMIT_DELAY_MS, Math.max(MIN_RATE_LIMIT_DELAY_MS, wanted));
      return { action: 'delay', delayMs, failure: failure(`Meta rate limit reached; retrying in ${Math.ceil(delayMs / 1000)} s`) };
    }
    case 'transient':
      return ctx.isLastAttempt ? { action: 'fail', failure: failure(RETRIES_HINT) } : { action: 'retry', failure: failure(null) };
    case 'validation':
    case 'unknown':
      return { action: 'fail', failure: failure(error.userMessage ?? null) };
  }
}

function permissionHint(error: MetaGraphError, pageTasks: readonly string[] | undefined): string {
  const named = error.missingPermissions ?? [];
  if (named.length) {
    return `Grant the ${named.join(', ')} permission${named.length > 1 ? 's' : ''} to the app and reconnect the Meta account, then replay`;
  }
  if (pageTasks && !pageTasks.some((task) => LEAD_TASKS.includes(task))) {
    return 'The connected user needs the ADVERTISE or MANAGE task on this Page (Page settings → Page roles) and the leads_retrieval permission; then replay';
  }
  return 'Check that the app has the leads_retrieval permission and the connected user a task on the Page that allows lead access (ADVERTISE or MANAGE); then replay';
}
