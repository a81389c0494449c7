import { TokenCipherError } from '../../../infra/crypto/token-cipher';
import { MetaGraphError, type MetaGraphErrorFields } from '../../../infra/meta-graph/meta-graph-error';
import { decideSyncFailure, pausedFailure } from './sync-failure-policy';

const PAUSE_MS = 45_000;

const graphError = (fields: Partial<MetaGraphErrorFields> & Pick<MetaGraphErrorFields, 'kind'>) =>
  new MetaGraphError({ message: `${fields.kind} failure`, ...fields });
const notLast = { isLastAttempt: false, rateLimitPauseMs: PAUSE_MS };
const last = { isLastAttempt: true, rateLimitPauseMs: PAUSE_MS };

describe(decideSyncFailure.name, () => {
  it('parks on an auth error and asks for a reconnect', () => {
    const decision = decideSyncFailure(graphError({ kind: 'auth', code: 190, subcode: 463 }), notLast);
    expect(decision.action).toBe('park');
    expect(decision.failure).toMatchObject({ kind: 'auth', code: 190 });
    expect(decision.failure.hint).toMatch(/reconnect/i);
  });

  it('parks, not retries, even on the last attempt', () => {
    expect(decideSyncFailure(graphError({ kind: 'auth', code: 190 }), last).action).toBe('park');
  });

  it('parks when the stored token cannot be decrypted', () => {
    const decision = decideSyncFailure(new TokenCipherError('tampered', 'bad tag'), notLast);
    expect(decision).toMatchObject({ action: 'park', failure: { kind: 'auth' } });
  });

  it('fails a permission error with a hint naming the permission Meta named', () => {
    const decision = decideSyncFailure(graphError({ kind: 'permission', code: 200, missingPermissions: ['leads_retrieval'] }), notLast);
    expect(decision.action).toBe('fail');
    expect(decision.failure.hint).toContain('leads_retrieval');
  });

  it('names the page task when the user lacks one that allows leads', () => {
    const decision = decideSyncFailure(graphError({ kind: 'permission', code: 10 }), { ...notLast, pageTasks: ['ANALYZE'] });
    expect(decision.action).toBe('fail');
    expect(decision.failure.hint).toMatch(/ADVERTISE or MANAGE task/);
  });

  it('still names leads_retrieval when Meta named no permission', () => {
    const decision = decideSyncFailure(graphError({ kind: 'permission', code: 10 }), { ...notLast, pageTasks: ['ADVERTISE'] });
    expect(decision.failure.hint).toContain('leads_retrieval');
  });

  it('delays a rate-limited job for the time Meta gave', () => {
    expect(decideSyncFailure(graphError({ kind: 'rate_limited', code: 80004, retryAfterMs: 120_000 }), notLast)).toMatchObject({
      action: 'delay',
      delayMs: 120_000,
      failure: { kind: 'rate_limited', code: 80004 },
    });
  });

  it('delays by a default when Meta gave no regain time, also on the last attempt', () => {
    expect(decideSyncFailure(graphError({ kind: 'rate_limited', code: 4 }), last)).toMatchObject({ action: 'delay', delayMs: PAUSE_MS });
  });

  it('bounds the delay to between a second and an hour', () => {
    expect(decideSyncFailure(graphError({ kind: 'rate_limited', code: 17, retryAfterMs: 5 }), notLast)).toMatchObject({ delayMs: 1_000 });
    expect(decideSyncFailure(graphError({ kind: 'rate_limited', code: 17, retryAfterMs: 86_400_000 }), notLast)).toMatchObject({
      delayMs: 3_600_000,
    });
  });

  it('retries a transient error while attempts remain, then fails it', () => {
    expect(decideSyncFailure(graphError({ kind: 'transient', code: 2 }), notLast)).toMatchObject({
      action: 'retry',
      failure: { kind: 'transient', code: 2 },
    });
    const final = decideSyncFailure(graphError({ kind: 'transient', code: 2 }), last);
    expect(final.action).toBe('fail');
    expect(final.failure.hint).toMatch(/replay/i);
  });

  it.each(['validation', 'unknown'] as const)('fails a %s error with the message', (kind) => {
    const decision = decideSyncFailure(graphError({ kind, code: 100, message: '(#100) Unsupported get request' }), notLast);
    expect(decision).toMatchObject({ action: 'fail', failure: { kind, code: 100, message: '(#100) Unsupported get request' } });
  });

  it('retries an unexpected error (database hiccup, bug) and fails it on the last attempt', () => {
    expect(decideSyncFailure(new Error('connection terminated'), notLast)).toMatchObject({ action: 'retry', failure: { kind: 'unknown' } });
    expect(decideSyncFailure(new Error('connection terminated'), last)).toMatchObject({
      action: 'fail',
      failure: { message: 'connection terminated' },
    });
  });
});

describe(pausedFailure.name, () => {
  const pause = {
    since: new Date('2026-11-20T09:00:00.250Z'),
    failures: 12,
    nextProbeAt: new Date('2026-11-20T09:00:40Z'),
    probing: false,
    lastError: 'x',
  };

  it('records the pause of the connection, not an error of the lead, with a hint that it ends by itself', () => {
    expect(pausedFailure(pause)).toEqual({
      kind: 'paused',
      code: null,
      message: 'Meta calls for this connection are paused since 2026-11-20T09:00:00Z after 12 failures; next probe at 2026-11-20T09:00:40Z',
      hint: expect.stringMatching(/read as soon as a probe succeeds/),
    });
  });

  it('says when a probe is out instead of a probe time', () => {
    expect(pausedFailure({ ...pause, failures: 1, probing: true }).message).toMatch(/after 1 failure; a probe call is under way$/);
  });
});
