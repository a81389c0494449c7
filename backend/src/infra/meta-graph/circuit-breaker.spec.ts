import {
  abandonProbe,
  admission,
  afterFailures,
  afterSuccess,
  callOutcome,
  CLOSED,
  isClean,
  isPaused,
  startProbe,
  type BreakerSettings,
  type BreakerState,
} from './circuit-breaker';
import { MetaGraphError } from './meta-graph-error';

const settings: BreakerSettings = {
  threshold: 10,
  windowMs: 60_000,
  firstWaitMs: 10_000,
  maxWaitMs: 40_000,
  probeLeaseMs: 30_000,
  recheckMs: 2_000,
};
const T0 = 1_000_000;

/** `n` failures reported one at a time, 100 ms apart, from `s` at `at`. */
function fail(s: BreakerState, n: number, at = T0): BreakerState {
  for (let i = 0; i < n; i++) s = afterFailures(s, { now: at + i * 100, count: 1 }, settings);
  return s;
}

describe('circuit breaker', () => {
  it('lets calls through while closed, counting failures below the threshold', () => {
    const s = fail(CLOSED, 9);
    expect(s).toMatchObject({ state: 'closed', failures: 9, since: T0 });
    expect(admission(s, T0 + 1_000, settings)).toEqual({ kind: 'go' });
    expect(isPaused(s)).toBe(false);
    expect(isClean(s)).toBe(false);
  });

  it('opens at the threshold and holds calls until the first probe time', () => {
    const s = fail(CLOSED, 10);
    const openedAt = T0 + 900;
    expect(s).toEqual({ state: 'open', failures: 10, since: openedAt, probeAt: openedAt + 10_000, waitMs: 10_000 });
    expect(admission(s, openedAt + 9_999, settings)).toEqual({ kind: 'wait', until: openedAt + 10_000 });
    expect(admission(s, openedAt + 10_000, settings)).toEqual({ kind: 'probe' });
  });

  it('counts the reads of one batch answer together', () => {
    expect(afterFailures(CLOSED, { now: T0, count: 50 }, settings)).toMatchObject({ state: 'open', failures: 50 });
  });

  it('starts a new run when the failures are further apart than the window', () => {
    const s = fail(CLOSED, 9);
    expect(afterFailures(s, { now: T0 + 60_001, count: 1 }, settings)).toMatchObject({ state: 'closed', failures: 1, since: T0 + 60_001 });
  });

  it('starts a new run when the reporter succeeded since the run began (the failures were not in a row)', () => {
    const s = fail(CLOSED, 9);
    expect(afterFailures(s, { now: T0 + 5_000, count: 1, lastSuccessAt: T0 + 4_000 }, settings)).toMatchObject({
      state: 'closed',
      failures: 1,
    });
    // A success from before the run does not count.
    expect(afterFailures(s, { now: T0 + 5_000, count: 1, lastSuccessAt: T0 - 1 }, settings)).toMatchObject({ state: 'open', failures: 10 });
  });

  it('lets exactly one call probe: the first claims it, the others wait a short recheck while the lease lasts', () => {
    const open = fail(CLOSED, 10);
    const at = open.probeAt!;
    const probing = startProbe(open, at, settings);
    expect(probing).toMatchObject({ state: 'half_open', probeAt: at + 30_000 });
    expect(startProbe(probing, at + 1, settings)).toBe(probing);
    expect(admission(probing, at + 1, settings)).toEqual({ kind: 'wait', until: at + 1 + 2_000 });
    // A probe that never reports (its worker died) is taken over once its lease runs out.
    expect(admission(probing, at + 30_000, settings)).toEqual({ kind: 'probe' });
  });

  it('does not let a call probe before the probe time', () => {
    const open = fail(CLOSED, 10);
    expect(startProbe(open, open.probeAt! - 1, settings)).toBe(open);
  });

  it('closes on a success, from any state', () => {
    const open = fail(CLOSED, 10);
    expect(afterSuccess()).toEqual(CLOSED);
    expect(isClean(afterSuccess())).toBe(true);
    expect(admission(afterSuccess(), open.probeAt! - 1, settings)).toEqual({ kind: 'go' });
  });

  it('re-opens after a failed probe with a doubled wait, up to the cap', () => {
    let s = fail(CLOSED, 10);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = s.probeAt!;
      s = afterFailures(startProbe(s, at, settings), { now: at + 50, count: 1 }, settings);
      expect(s.state).toBe('open');
      expect(s.probeAt).toBe(at + 50 + s.waitMs);
      waits.push(s.waitMs);
    }
    expect(waits).toEqual([20_000, 40_000, 40_000, 40_000]);
    expect(s.failures).toBe(14);
    expect(s.since).toBe(T0 + 900);
  });

  it('keeps counting failures while open without moving the probe time', () => {
    const open = fail(CLOSED, 10);
    expect(afterFailures(open, { now: open.since! + 5, count: 3 }, settings)).toEqual({ ...open, failures: 13 });
  });

  it('hands an abandoned probe to the next call at once', () => {
    const open = fail(CLOSED, 10);
    const probing = startProbe(open, open.probeAt!, settings);
    const abandoned = abandonProbe(probing, open.probeAt! + 10);
    expect(abandoned).toMatchObject({ state: 'open', probeAt: open.probeAt! + 10, waitMs: open.waitMs });
    expect(admission(abandoned, open.probeAt! + 10, settings)).toEqual({ kind: 'probe' });
    expect(abandonProbe(open, T0)).toBe(open);
  });
});

describe(callOutcome.name, () => {
  it('counts transient failures, takes any other answer from Meta as a sign of life, and ignores calls that never reached it', () => {
    expect(callOutcome(new MetaGraphError({ kind: 'transient', code: 2, httpStatus: 503, message: 'down' }))).toBe('failure');
    expect(callOutcome(new MetaGraphError({ kind: 'transient', network: 'timeout', message: 'timed out' }))).toBe('failure');
    expect(callOutcome(new MetaGraphError({ kind: 'permission', code: 10, httpStatus: 403, message: 'denied' }))).toBe('answer');
    expect(callOutcome(new MetaGraphError({ kind: 'rate_limited', code: 80004, httpStatus: 400, message: 'throttled' }))).toBe('answer');
    expect(callOutcome(new MetaGraphError({ kind: 'rate_limited', message: 'paused scope' }))).toBe('none');
    expect(callOutcome(new Error('database away'))).toBe('none');
  });
});
