import { MetaGraphError } from '../../../infra/meta-graph';

/**
 * The account's and the app's share of the insights budget as Meta last reported it on an insights answer
 * (`x-fb-ads-insights-throttle: {"app_id_util_pct":…,"acc_id_util_pct":…}`,
 * https://developers.facebook.com/docs/marketing-api/insights/best-practices/). At the threshold the pull stops
 * before its next call: calls made while throttled still count and lengthen the block
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export class InsightsBudget {
  /** Highest of the two percentages on the last answer that carried the header; 0 before any. */
  usedPct = 0;

  constructor(private readonly pausePct: number) {}

  readonly observe = (headers: Record<string, string>): void => {
    const raw = headers['x-fb-ads-insights-throttle'];
    if (!raw) return;
    try {
      const value = JSON.parse(raw) as { app_id_util_pct?: unknown; acc_id_util_pct?: unknown };
      const pct = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
      this.usedPct = Math.max(pct(value.app_id_util_pct), pct(value.acc_id_util_pct));
    } catch {
      // A malformed header says nothing; the error codes still stop the pull.
    }
  };

  /** Throws the throttle as Meta's own would be (rate_limited), so the shared sync policy delays the pull. */
  readonly assertOpen = (): void => {
    if (this.usedPct < this.pausePct) return;
    throw new MetaGraphError({
      kind: 'rate_limited',
      message: `Meta's insights budget is ${Math.round(this.usedPct)} % used (x-fb-ads-insights-throttle); pausing before it refuses calls`,
    });
  };
}
