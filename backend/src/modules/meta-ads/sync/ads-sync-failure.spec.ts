import { MetaGraphError } from '../../../infra/meta-graph';
import { decideAdsSyncFailure } from './ads-sync-failure';

const err = (fields: Partial<ConstructorParameters<typeof MetaGraphError>[0]>) =>
  new MetaGraphError({ kind: 'unknown', message: 'x', ...fields });

describe('decideAdsSyncFailure', () => {
  it('delays a throttled sync until the regain time Meta gave, bounded to an hour', () => {
    expect(decideAdsSyncFailure(err({ kind: 'rate_limited', code: 80004, retryAfterMs: 300_000 }), 60_000)).toMatchObject({
      action: 'delay',
      delayMs: 300_000,
    });
    expect(decideAdsSyncFailure(err({ kind: 'rate_limited', code: 17 }), 60_000)).toMatchObject({ action: 'delay', delayMs: 60_000 });
    expect(decideAdsSyncFailure(err({ kind: 'rate_limited', retryAfterMs: 9e9 }), 60_000)).toMatchObject({
      action: 'delay',
      delayMs: 3_600_000,
    });
  });
  it('marks the connection on a dead token, fails on permission and refusals, retries what is transient', () => {
    expect(decideAdsSyncFailure(err({ kind: 'auth' }), 1).action).toBe('reauth');
    expect(decideAdsSyncFailure(err({ kind: 'permission', missingPermissions: ['ads_read'] }), 1)).toMatchObject({
      action: 'fail',
      message: expect.stringContaining('ads_read'),
    });
    expect(decideAdsSyncFailure(err({ kind: 'validation', userMessage: 'Bad field' }), 1)).toMatchObject({
      action: 'fail',
      message: 'Bad field',
    });
    expect(decideAdsSyncFailure(err({ kind: 'transient' }), 1).action).toBe('retry');
    expect(decideAdsSyncFailure(new Error('database away'), 1).action).toBe('retry');
  });
});
