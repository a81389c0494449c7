import { afterFailedAttempt, disableReason, retryDelayMs, type RetryPolicy } from './retry-schedule';

describe('delivery retry schedule', () => {
  const policy: RetryPolicy = { maxAttempts: 10, retryBaseMs: 180_000, retryMaxMs: 8 * 3_600_000, disableAfterMs: 86_400_000 };
  const now = new Date('2026-12-05T12:00:00Z');

  it('doubles the wait after each failed attempt from the base', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(policy, n, 0))).toEqual([180_000, 360_000, 720_000, 1_440_000]);
  });

  it('caps the wait', () => {
    expect(retryDelayMs(policy, 9, 0)).toBe(8 * 3_600_000);
    expect(retryDelayMs(policy, 30, 0)).toBe(8 * 3_600_000);
  });

  it('adds at most 10 % jitter', () => {
    expect(retryDelayMs(policy, 1, 0.999)).toBeLessThanOrEqual(198_000);
    expect(retryDelayMs(policy, 1, 0.5)).toBe(189_000);
  });

  it('spreads the default ten attempts over about a day', () => {
    const total = Array.from({ length: 9 }, (_, i) => retryDelayMs(policy, i + 1, 0)).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(18);
    expect(total / 3_600_000).toBeLessThan(26);
  });

  it('retries until the last attempt, then fails the delivery', () => {
    expect(afterFailedAttempt(policy, 1, now, 0)).toEqual({ next: 'retry', retryAt: new Date(now.getTime() + 180_000) });
    expect(afterFailedAttempt(policy, 9, now, 0).next).toBe('retry');
    expect(afterFailedAttempt(policy, 10, now, 0)).toEqual({ next: 'failed' });
  });

  it('disables the endpoint when a delivery fails for good, or after a day of failures with no success', () => {
    const facts = { deliveryFailedForGood: false, eventId: 'e1', failingSince: null, lastFailure: 'HTTP 500' };
    expect(disableReason(policy, facts, now)).toBeNull();
    expect(disableReason(policy, { ...facts, deliveryFailedForGood: true }, now)).toBe(
      'All 10 attempts of event e1 failed (last: HTTP 500)',
    );
    expect(disableReason(policy, { ...facts, failingSince: new Date(now.getTime() - 86_399_000) }, now)).toBeNull();
    expect(disableReason(policy, { ...facts, failingSince: new Date(now.getTime() - 86_400_000) }, now)).toBe(
      'Every delivery failed for 24 h with no success (last: HTTP 500)',
    );
  });
});
