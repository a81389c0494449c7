import { MetaGraphError } from './meta-graph-error';

/**
 * A circuit breaker for the Graph calls of one connection (https://martinfowler.com/bliki/CircuitBreaker.html).
 * When Meta fails every call of a connection (an outage, a broken Page), retrying each lead on its own multiplies the
 * calls by the number of leads. Instead, after `threshold` transient failures with no success in between (within
 * `windowMs` of the first), the breaker opens: calls wait until a probe time. Then one call goes through (half-open):
 * its success closes the breaker, its failure opens it again for twice as long, up to `maxWaitMs`.
 *
 * Pure: each function takes a state and the time and answers the next state. Where the state lives (the database,
 * so that every worker process sees the same breaker) is the caller's business.
 */
export interface BreakerSettings {
  /** Transient failures in a row that open the breaker. */
  threshold: number;
  /** Failures further apart than this from the first of their run start a new run. */
  windowMs: number;
  /** Wait before the first probe; doubled after each failed probe. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** How long a probe may take before another call may probe instead (the probing worker may have died). */
  probeLeaseMs: number;
  /** How long a call waits while a probe is out: by then the probe has usually answered. */
  recheckMs: number;
}

export type BreakerStateName = 'closed' | 'open' | 'half_open';

export interface BreakerState {
  state: BreakerStateName;
  /** Transient failures of the current run (closed), or since the breaker opened (open, half-open). */
  failures: number;
  /** Epoch ms of the run's first failure (closed), or of the opening (open, half-open); null when clean. */
  since: number | null;
  /** Open: when a call may probe. Half-open: when the probe's lease runs out. */
  probeAt: number | null;
  /** The wait the last opening used (the next failed probe doubles it). */
  waitMs: number;
}

export const CLOSED: BreakerState = { state: 'closed', failures: 0, since: null, probeAt: null, waitMs: 0 };

/** Whether a state holds nothing worth remembering (no failure since the last success). */
export const isClean = (s: BreakerState): boolean => s.state === 'closed' && s.failures === 0;

/** Whether calls are held back (open, or half-open with a probe out). */
export const isPaused = (s: BreakerState): boolean => s.state !== 'closed';

export type Admission =
  /** Call Meta. */
  | { kind: 'go' }
  /** Call Meta as the probe: claim it first (`startProbe`), since only one call may probe. */
  | { kind: 'probe' }
  /** Do not call Meta before `until` (epoch ms). */
  | { kind: 'wait'; until: number };

/** What a call may do now. */
export function admission(s: BreakerState, now: number, settings: Pick<BreakerSettings, 'recheckMs'>): Admission {
  if (s.state === 'closed') return { kind: 'go' };
  const at = s.probeAt ?? now;
  if (now >= at) return { kind: 'probe' };
  if (s.state === 'open') return { kind: 'wait', until: at };
  return { kind: 'wait', until: Math.min(at, now + settings.recheckMs) };
}

export interface FailureReport {
  now: number;
  /** Failures reported together (the reads of one Graph batch answer). */
  count: number;
  /**
   * The reporter's last success with this connection (epoch ms): a success after the run's first failure means the
   * failures were not in a row, even when the success was not written down (successes are not, to keep them free).
   */
  lastSuccessAt?: number | null;
}

/** The state after transient failures. */
export function afterFailures(s: BreakerState, report: FailureReport, settings: BreakerSettings): BreakerState {
  const { now, count } = report;
  if (s.state === 'open') return { ...s, failures: s.failures + count };
  if (s.state === 'half_open') {
    // The probe (or a call that slipped through with it) failed: Meta still fails, wait longer.
    const waitMs = Math.min(settings.maxWaitMs, Math.max(settings.firstWaitMs, s.waitMs * 2));
    return { state: 'open', failures: s.failures + count, since: s.since ?? now, probeAt: now + waitMs, waitMs };
  }
  const fresh = s.since === null || now - s.since > settings.windowMs || (report.lastSuccessAt ?? -Infinity) >= s.since;
  const failures = (fresh ? 0 : s.failures) + count;
  const since = fresh ? now : s.since!;
  if (failures < settings.threshold) return { state: 'closed', failures, since, probeAt: null, waitMs: 0 };
  return { state: 'open', failures, since: now, probeAt: now + settings.firstWaitMs, waitMs: settings.firstWaitMs };
}

/** Meta answered: the breaker closes, whatever it was. */
export function afterSuccess(): BreakerState {
  return CLOSED;
}

/** Claims the probe when the time has come and no other call holds it; otherwise the state is unchanged. */
export function startProbe(s: BreakerState, now: number, settings: Pick<BreakerSettings, 'probeLeaseMs' | 'recheckMs'>): BreakerState {
  if (admission(s, now, settings).kind !== 'probe') return s;
  return { ...s, state: 'half_open', probeAt: now + settings.probeLeaseMs };
}

/** The probe ended without an answer from Meta (e.g. paused by a rate limit): the next call may probe. */
export function abandonProbe(s: BreakerState, now: number): BreakerState {
  return s.state === 'half_open' ? { ...s, state: 'open', probeAt: now } : s;
}

/**
 * What a failed Graph call tells a breaker: `failure` when Meta failed it transiently (5xx, codes 1/2, a timeout),
 * `answer` when Meta answered with another error (a refused token or permission, a rate limit: Meta is up), `none`
 * when the call never reached Meta (held back by a rate-limit pause) or failed on our side.
 */
export function callOutcome(error: unknown): 'failure' | 'answer' | 'none' {
  if (!(error instanceof MetaGraphError)) return 'none';
  if (error.kind === 'transient') return 'failure';
  return error.httpStatus !== undefined ? 'answer' : 'none';
}
