import { TokenCipherError } from '../crypto/token-cipher';
import { MetaGraphError, type MetaGraphErrorKind } from '../meta-graph/meta-graph-error';

/**
 * What a sync does about one failed Graph read (a lead, a page of leads, an ad account's campaigns...):
 * - `retry`: let the queue run the job again with its backoff (Meta or the network hiccuped);
 * - `delay`: a quota is spent; run again at `delayMs` from now without spending an attempt;
 * - `park`: the connection needs a reconnect (Meta refuses the token, or the stored token cannot be opened);
 *   mark it reauth_required and wait for the reconnect;
 * - `fail`: give up with a hint for a human (permission missing, request refused, retries ran out).
 * Error kinds follow Meta's error reference (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export type GraphSyncAction = 'retry' | 'delay' | 'park' | 'fail';

/** The error kinds a sync records; `paused` is a connection whose Graph calls its circuit breaker holds. */
export type GraphSyncFailureKind = MetaGraphErrorKind | 'paused';

export interface GraphSyncFailure {
  kind: GraphSyncFailureKind;
  code: number | null;
  message: string;
  hint: string | null;
}

export type GraphSyncDecision =
  | { action: 'delay'; delayMs: number; failure: GraphSyncFailure }
  | { action: 'retry' | 'park' | 'fail'; delayMs?: undefined; failure: GraphSyncFailure };

export interface GraphSyncContext {
  /** Whether the queue will not run this job again if it fails now (an on-demand call: false). */
  isLastAttempt: boolean;
  /**
   * How long to wait when Meta gives no regain time: the Graph client's own pause for such a scope
   * (META_RATE_LIMIT_PAUSE_MS), so the job does not come back before the client would let it call Meta again.
   */
  rateLimitPauseMs: number;
  /** Explains a permission error for this capability (e.g. the Page tasks that allow reading leads). */
  explainPermission?: (error: MetaGraphError) => string;
}

/** The words of a capability; what it leaves out is said generically. */
export interface GraphSyncHints {
  /** Meta refused the token, or the stored one cannot be opened: what the admin does (leads: parked leads are replayed). */
  reconnect: string;
  /** A transient error on the last attempt, or an unexpected error that kept failing. */
  retriesExhausted: string;
  /** The message recorded when the stored token cannot be decrypted. */
  undecryptableToken: string;
  /** After the permission named by Meta was granted, what else to do (leads: "then replay"). */
  afterPermissionGranted: string;
  /** A permission error that names no permission, when the context has no explainer. */
  permissionUnnamed: string;
}

export const DEFAULT_GRAPH_SYNC_HINTS: GraphSyncHints = {
  reconnect: 'Meta no longer accepts the token: reconnect the Meta account',
  retriesExhausted: 'Retries ran out; run the sync again once the cause is fixed',
  undecryptableToken: 'The stored token cannot be decrypted',
  afterPermissionGranted: '',
  permissionUnnamed: 'Check the permissions granted to the app and reconnect the Meta account',
};

/** For a call made once, in a request (no queue attempts behind it). */
export const ONE_OFF_CALL: GraphSyncContext = { isLastAttempt: false, rateLimitPauseMs: 0 };

const MIN_RATE_LIMIT_DELAY_MS = 1_000;
/** Meta's longest block is an hour; beyond that the headers are wrong and we look again. */
const MAX_RATE_LIMIT_DELAY_MS = 3_600_000;

/**
 * Turns one error into the action and what a timeline or a log records. Pure. `hints` are the capability's words
 * (leads say that parked leads are replayed after the reconnect; ads say what they say).
 */
export function decideGraphSync(
  error: unknown,
  ctx: GraphSyncContext,
  hints: GraphSyncHints = DEFAULT_GRAPH_SYNC_HINTS,
): GraphSyncDecision {
  if (error instanceof MetaGraphError) return decideGraphError(error, ctx, hints);
  if (error instanceof TokenCipherError) {
    return { action: 'park', failure: { kind: 'auth', code: null, message: hints.undecryptableToken, hint: hints.reconnect } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    action: ctx.isLastAttempt ? 'fail' : 'retry',
    failure: { kind: 'unknown', code: null, message, hint: ctx.isLastAttempt ? hints.retriesExhausted : null },
  };
}

/** A capability's policy: `decideGraphSync` with its words bound. */
export function graphSyncPolicy(hints: Partial<GraphSyncHints>): (error: unknown, ctx: GraphSyncContext) => GraphSyncDecision {
  const words = { ...DEFAULT_GRAPH_SYNC_HINTS, ...hints };
  return (error, ctx) => decideGraphSync(error, ctx, words);
}

/** Whether the same call may work later by itself (retry or delay), as opposed to needing a person. */
export const worthRetrying = (decision: GraphSyncDecision): boolean => decision.action === 'retry' || decision.action === 'delay';

function decideGraphError(error: MetaGraphError, ctx: GraphSyncContext, hints: GraphSyncHints): GraphSyncDecision {
  const failure = (hint: string | null): GraphSyncFailure => ({ kind: error.kind, code: error.code ?? null, message: error.message, hint });
  switch (error.kind) {
    case 'auth':
      return { action: 'park', failure: failure(hints.reconnect) };
    case 'permission':
      return { action: 'fail', failure: failure(permissionHint(error, ctx, hints)) };
    case 'rate_limited': {
      const delayMs = rateLimitDelayMs(error, ctx);
      return { action: 'delay', delayMs, failure: failure(`Meta rate limit reached; retrying in ${Math.ceil(delayMs / 1000)} s`) };
    }
    case 'transient':
      return ctx.isLastAttempt ? { action: 'fail', failure: failure(hints.retriesExhausted) } : { action: 'retry', failure: failure(null) };
    case 'validation':
    case 'unknown':
      return { action: 'fail', failure: failure(error.userMessage ?? null) };
  }
}

/** The regain time Meta gave (usage headers, Retry-After), else the client's pause, bounded to [1 s, 1 h]. */
function rateLimitDelayMs(error: MetaGraphError, ctx: GraphSyncContext): number {
  const wanted = error.retryAfterMs ?? ctx.rateLimitPauseMs;
  return Math.min(MAX_RATE_LIMIT_DELAY_MS, Math.max(MIN_RATE_LIMIT_DELAY_MS, wanted));
}

function permissionHint(error: MetaGraphError, ctx: GraphSyncContext, hints: GraphSyncHints): string {
  const named = error.missingPermissions ?? [];
  if (named.length) {
    const then = hints.afterPermissionGranted ? `, ${hints.afterPermissionGranted}` : '';
    return `Grant the ${named.join(', ')} permission${named.length > 1 ? 's' : ''} to the app and reconnect the Meta account${then}`;
  }
  return ctx.explainPermission?.(error) ?? hints.permissionUnnamed;
}
