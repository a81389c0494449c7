import { backoffDelayMs, withRetry, type RetryPolicy } from './backoff';
import { MetaGraphError, type MetaGraphErrorKind } from './meta-graph-error';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const fail = (kind: MetaGraphErrorKind, retryAfterMs?: number) => new MetaGraphError({ kind, message: kind, retryAfterMs });

describe(backoffDelayMs.name, () => {
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000],
    [12, 1000],
  ])('retry %i has a ceiling of %i ms', (retry, ceiling) => {
    expect(backoffDelayMs(retry, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(retry, policy, () => 0.999999)).toBe(ceiling - 1);
    expect(backoffDelayMs(retry, policy, () => 0.5)).toBe(ceiling / 2);
  });

  it('spreads delays uniformly (full jitter)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 2000 }, () => backoffDelayMs(3, policy, random));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThan(400);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(170);
    expect(mean).toBeLessThan(230);
  });
});

describe(withRetry.name, () => {
  const sleeps: number[] = [];
  const deps = { random: () => 0.5, sleep: async (ms: number) => void sleeps.push(ms) };
  beforeEach(() => (sleeps.length = 0));

  it('retries transient errors with growing delays, then succeeds', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw fail('transient');
        return 'ok';
      },
      policy,
      deps,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts and rethrows the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw fail('transient');
        },
        policy,
        deps,
      ),
    ).rejects.toMatchObject({ kind: 'transient' });
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
  });

  it.each(['auth', 'permission', 'validation', 'rate_limited', 'unknown'] as MetaGraphErrorKind[])(
    'does not retry %s errors',
    async (kind) => {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw fail(kind);
          },
          policy,
          deps,
        ),
      ).rejects.toMatchObject({ kind });
      expect(calls).toBe(1);
    },
  );

  it('does not retry foreign errors', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new Error('bug');
        },
        policy,
        deps,
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('waits at least the time Meta asked for', async () => {
    let calls = 0;
    await withRetry(
      async () => {
        if (calls++ === 0) throw fail('transient', 5000);
        return 1;
      },
      policy,
      deps,
    );
    expect(sleeps).toEqual([5000]);
  });
});
