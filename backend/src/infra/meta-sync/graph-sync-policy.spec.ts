import { TokenCipherError } from '../crypto/token-cipher';
import { MetaGraphError, type MetaGraphErrorFields } from '../meta-graph/meta-graph-error';
import { DEFAULT_GRAPH_SYNC_HINTS, decideGraphSync, graphSyncPolicy, ONE_OFF_CALL, worthRetrying } from './graph-sync-policy';

const PAUSE_MS = 45_000;
const graphError = (fields: Partial<MetaGraphErrorFields> & Pick<MetaGraphErrorFields, 'kind'>) =>
  new MetaGraphError({ message: `${fields.kind} failure`, ...fields });
const notLast = { isLastAttempt: false, rateLimitPauseMs: PAUSE_MS };
const last = { isLastAttempt: true, rateLimitPauseMs: PAUSE_MS };

describe(decideGraphSync.name, () => {
  describe('auth', () => {
    it('parks with the reconnect hint, also on the last attempt', () => {
      for (const ctx of [notLast, last]) {
        expect(decideGraphSync(graphError({ kind: 'auth', code: 190, subcode: 463 }), ctx)).toEqual({
          action: 'park',
          failure: { kind: 'auth', code: 190, message: 'auth failure', hint: DEFAULT_GRAPH_SYNC_HINTS.reconnect },
        });
      }
    });

    it('parks when the stored token cannot be decrypted, with the capability’s message', () => {
      const decide = graphSyncPolicy({ undecryptableToken: 'The stored ad account token cannot be decrypted' });
      expect(decide(new TokenCipherError('tampered', 'bad tag'), notLast)).toEqual({
        action: 'park',
        failure: {
          kind: 'auth',
          code: null,
          message: 'The stored ad account token cannot be decrypted',
          hint: DEFAULT_GRAPH_SYNC_HINTS.reconnect,
        },
      });
    });
  });

  describe('permission', () => {
    it('fails with the permissions Meta named and the capability’s next step', () => {
      const decide = graphSyncPolicy({ afterPermissionGranted: 'then sync again' });
      const decision = decide(graphError({ kind: 'permission', code: 200, missingPermissions: ['ads_read', 'ads_management'] }), notLast);
      expect(decision.action).toBe('fail');
      expect(decision.failure.hint).toBe(
        'Grant the ads_read, ads_management permissions to the app and reconnect the Meta account, then sync again',
      );
    });

    it('asks the context’s explainer when Meta named no permission', () => {
      const explainPermission = jest.fn(() => 'Needs the ADVERTISE task on the Page');
      const error = graphError({ kind: 'permission', code: 10 });
      const decision = decideGraphSync(error, { ...notLast, explainPermission });
      expect(explainPermission).toHaveBeenCalledWith(error);
      expect(decision).toMatchObject({
        action: 'fail',
        failure: { kind: 'permission', code: 10, hint: 'Needs the ADVERTISE task on the Page' },
      });
    });

    it('falls back to the capability’s unnamed-permission words without an explainer', () => {
      const decision = graphSyncPolicy({ permissionUnnamed: 'Check ads_read' })(graphError({ kind: 'permission', code: 10 }), notLast);
      expect(decision.failure.hint).toBe('Check ads_read');
    });
  });

  describe('rate_limited', () => {
    it('delays for the regain time Meta gave, without spending an attempt', () => {
      expect(decideGraphSync(graphError({ kind: 'rate_limited', code: 80004, retryAfterMs: 120_000 }), notLast)).toEqual({
        action: 'delay',
        delayMs: 120_000,
        failure: { kind: 'rate_limited', code: 80004, message: 'rate_limited failure', hint: 'Meta rate limit reached; retrying in 120 s' },
      });
    });

    it('delays by the client’s pause when Meta gave no regain time, also on the last attempt', () => {
      expect(decideGraphSync(graphError({ kind: 'rate_limited', code: 4 }), last)).toMatchObject({ action: 'delay', delayMs: PAUSE_MS });
    });

    it('bounds the delay to between a second and an hour', () => {
      expect(decideGraphSync(graphError({ kind: 'rate_limited', code: 17, retryAfterMs: 5 }), notLast).delayMs).toBe(1_000);
      expect(decideGraphSync(graphError({ kind: 'rate_limited', code: 17, retryAfterMs: 86_400_000 }), notLast).delayMs).toBe(3_600_000);
      expect(decideGraphSync(graphError({ kind: 'rate_limited', code: 17 }), ONE_OFF_CALL).delayMs).toBe(1_000);
    });
  });

  describe('transient', () => {
    it('retries while attempts remain, then fails with the capability’s retries hint', () => {
      expect(decideGraphSync(graphError({ kind: 'transient', code: 2 }), notLast)).toEqual({
        action: 'retry',
        failure: { kind: 'transient', code: 2, message: 'transient failure', hint: null },
      });
      const final = graphSyncPolicy({ retriesExhausted: 'Retries ran out; replay' })(graphError({ kind: 'transient', code: 2 }), last);
      expect(final).toMatchObject({ action: 'fail', failure: { kind: 'transient', hint: 'Retries ran out; replay' } });
    });

    it('keeps the code null for a network failure', () => {
      const decision = decideGraphSync(
        new MetaGraphError({ kind: 'transient', network: 'timeout', message: 'Graph API request timed out' }),
        notLast,
      );
      expect(decision.failure).toEqual({ kind: 'transient', code: null, message: 'Graph API request timed out', hint: null });
    });
  });

  describe.each(['validation', 'unknown'] as const)('%s', (kind) => {
    it('fails at once with Meta’s message for the user as the hint', () => {
      const error = graphError({ kind, code: 100, message: '(#100) Invalid parameter', userMessage: 'The budget is too low' });
      expect(decideGraphSync(error, notLast)).toEqual({
        action: 'fail',
        failure: { kind, code: 100, message: '(#100) Invalid parameter', hint: 'The budget is too low' },
      });
      expect(decideGraphSync(graphError({ kind, code: 100 }), notLast).failure.hint).toBeNull();
    });
  });

  describe('an error that is not Meta’s (database hiccup, bug)', () => {
    it('retries, then fails on the last attempt with the retries hint', () => {
      expect(decideGraphSync(new Error('connection terminated'), notLast)).toEqual({
        action: 'retry',
        failure: { kind: 'unknown', code: null, message: 'connection terminated', hint: null },
      });
      expect(decideGraphSync('boom', last)).toEqual({
        action: 'fail',
        failure: { kind: 'unknown', code: null, message: 'boom', hint: DEFAULT_GRAPH_SYNC_HINTS.retriesExhausted },
      });
    });
  });
});

describe(worthRetrying.name, () => {
  it('is true for retry and delay only', () => {
    expect(worthRetrying(decideGraphSync(graphError({ kind: 'transient' }), notLast))).toBe(true);
    expect(worthRetrying(decideGraphSync(graphError({ kind: 'rate_limited' }), notLast))).toBe(true);
    expect(worthRetrying(decideGraphSync(graphError({ kind: 'auth' }), notLast))).toBe(false);
    expect(worthRetrying(decideGraphSync(graphError({ kind: 'permission' }), notLast))).toBe(false);
    expect(worthRetrying(decideGraphSync(graphError({ kind: 'validation' }), notLast))).toBe(false);
  });
});
