/**
 * Marketing API version sunsets (https://developers.facebook.com/docs/graph-api/changelog/versions).
 * Lead retrieval is documented under the Marketing API, whose versions live about a year, so the shorter
 * Marketing schedule is the one that matters for this product. Versions without a date were not yet scheduled
 * when this table was written; update it when Meta announces one.
 */
export const MARKETING_API_SUNSETS: Readonly<Record<string, string | null>> = {
  'v21.0': '2025-09-09',
  'v22.0': '2026-02-19',
  'v23.0': '2026-06-09',
  'v24.0': '2026-11-10',
  'v25.0': '2027-02-23',
  'v26.0': null,
  'v27.0': null,
};

/** Warn this many days ahead of a sunset. */
export const SUNSET_WARNING_DAYS = 90;

export type GraphVersionState = 'supported' | 'near_sunset' | 'sunset' | 'unknown';

export interface GraphVersionStatus {
  version: string;
  state: GraphVersionState;
  /** ISO date the version stops working for the Marketing API, when announced. */
  sunsetDate?: string;
  /** Whole days until the sunset (negative once past). */
  daysLeft?: number;
}

const DAY_MS = 86_400_000;

/** Whether the configured API version is safe to run, for the health check. */
export function graphVersionStatus(version: string, now: Date = new Date()): GraphVersionStatus {
  if (!(version in MARKETING_API_SUNSETS)) {
    // Older than the table means long dead; newer means released after it was written.
    const major = Number(/^v(\d+)\.\d+$/.exec(version)?.[1]);
    if (Number.isFinite(major) && major < 21) return { version, state: 'sunset' };
    return { version, state: 'unknown' };
  }
  const sunsetDate = MARKETING_API_SUNSETS[version];
  if (!sunsetDate) return { version, state: 'supported' };
  const daysLeft = Math.floor((Date.parse(`${sunsetDate}T00:00:00Z`) - now.getTime()) / DAY_MS);
  const state: GraphVersionState = daysLeft < 0 ? 'sunset' : daysLeft <= SUNSET_WARNING_DAYS ? 'near_sunset' : 'supported';
  return { version, state, sunsetDate, daysLeft };
}
