/** The retry policy of deliveries, from configuration (outgoing-webhooks.config.ts). */
export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** An endpoint failing every delivery for this long, with no success, is disabled. */
  disableAfterMs: number;
}

/**
 * The wait after a delivery's `attempts`-th failed attempt: the base doubled at each attempt, capped, plus up to 10 %
 * jitter (`random` in [0, 1)) so the retries of a burst do not all land on the endpoint in the same second. With the
 * defaults (3 min base, 8 h cap, 10 attempts) the waits are 3, 6, 12, 24, 48 min, 1.6, 3.2, 6.4 and 8 h: about 21 h
 * between the first attempt and the last.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random = Math.random()): number {
  const exponential = policy.retryBaseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(policy.retryMaxMs, exponential);
  return Math.round(capped * (1 + 0.1 * random));
}

/** What a failed attempt leads to: another attempt later, or the delivery failed for good. */
export type FailedAttemptOutcome = { next: 'retry'; retryAt: Date } | { next: 'failed' };

export function afterFailedAttempt(policy: RetryPolicy, attempts: number, now: Date, random = Math.random()): FailedAttemptOutcome {
  if (attempts >= policy.maxAttempts) return { next: 'failed' };
  return { next: 'retry', retryAt: new Date(now.getTime() + retryDelayMs(policy, attempts, random)) };
}

/** Why an endpoint is disabled after a failed attempt, or null when it stays enabled. */
export function disableReason(
  policy: RetryPolicy,
  facts: { deliveryFailedForGood: boolean; eventId: string; failingSince: Date | null; lastFailure: string },
  now: Date,
): string | null {
  if (facts.deliveryFailedForGood) {
    return `All ${policy.maxAttempts} attempts of event ${facts.eventId} failed (last: ${facts.lastFailure})`;
  }
  if (facts.failingSince && now.getTime() - facts.failingSince.getTime() >= policy.disableAfterMs) {
    const hours = Math.round((policy.disableAfterMs / 3_600_000) * 10) / 10;
    return `Every delivery failed for ${hours} h with no success (last: ${facts.lastFailure})`;
  }
  return null;
}
