/**
 * When Meta tries a failed delivery again, as offsets from the first attempt: at once, then with decreasing
 * frequency until 36 hours, after which the update is dropped
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started). The exact steps are not published;
 * these are ours.
 */
export const RETRY_OFFSETS_MS: readonly number[] = [
  0,
  0,
  60_000,
  5 * 60_000,
  20 * 60_000,
  60 * 60_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  24 * 3_600_000,
  36 * 3_600_000,
];

/** Real milliseconds to wait before attempt `next` (1-based after the first), with the schedule compressed by `scale`. */
export function retryDelayMs(next: number, scale: number): number | undefined {
  const previous = RETRY_OFFSETS_MS[next - 1];
  const offset = RETRY_OFFSETS_MS[next];
  if (previous === undefined || offset === undefined) return undefined;
  return Math.max(0, (offset - previous) / Math.max(scale, 1e-9));
}
