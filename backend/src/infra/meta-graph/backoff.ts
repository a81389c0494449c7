import { MetaGraphError } from './meta-graph-error';

export interface RetryPolicy {
  /** Total tries including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Meta suggests a handful of retries for transient errors (airbyte uses 5 with factor 5). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export interface RetryDeps {
  /** Returns [0, 1); injectable so tests are deterministic. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * "Full jitter" backoff (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * a uniform delay in [0, min(cap, base·2^(retry-1))), which spreads retries of many callers apart.
 * `retry` counts from 1 (the first retry).
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `attempt` until it succeeds, throws a non-retryable error, or the attempts run out. Only `transient`
 * MetaGraphErrors are retried: auth, permission and validation errors will not heal by themselves, and
 * rate limits are handled by pausing the scope instead of hammering Meta.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  deps: RetryDeps,
  shouldRetry: (err: MetaGraphError) => boolean = (err) => err.kind === 'transient',
  onRetry?: (err: MetaGraphError, retry: number, delayMs: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof MetaGraphError) || !shouldRetry(err) || n >= policy.maxAttempts) throw err;
      const delay = Math.max(backoffDelayMs(n, policy, deps.random), err.retryAfterMs ?? 0);
      onRetry?.(err, n, delay);
      await deps.sleep(delay);
    }
  }
}
