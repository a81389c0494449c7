/** Business use case types (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). */
export type BucType =
  | 'ads_management'
  | 'ads_insights'
  | 'custom_audience'
  | 'leadgen'
  | 'pages'
  | 'instagram'
  | 'messenger'
  | 'catalog_management'
  | 'catalog_batch';

/** One rate-limit scope a call is charged to, besides the calling app. */
export interface UsageCharge {
  type: BucType;
  /** BUC key: ad account numeric id, page id or business id. */
  objectId: string;
  /** Set when the call touches an ad account: feeds `X-Ad-Account-Usage`. */
  adAccountId?: string;
  /** Synthetic server time of the call in ms (default 20 for reads, 60 for writes). */
  costMs?: number;
}

export interface UsageBudgets {
  /** Platform limit: calls per rolling hour per app (Meta: 200 × daily active users). */
  appCallsPerHour: number;
  /** Calls per rolling window per BUC object; a function lets a module size it from the world. */
  buc: Record<BucType, number | ((objectId: string) => number)>;
  /** Calls per rolling hour per ad account, behind `X-Ad-Account-Usage` and error 613. */
  adAccountCallsPerHour: number;
  /** Usage headers appear only once a scope has seen this many calls in its window (Meta: "after enough calls"). */
  headerWarmupCalls: number;
}

/**
 * Rolling windows per BUC type: leadgen and pages are daily, the rest hourly
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export const BUC_WINDOW_MS: Record<BucType, number> = {
  ads_management: 3_600_000,
  ads_insights: 3_600_000,
  custom_audience: 3_600_000,
  leadgen: 86_400_000,
  pages: 86_400_000,
  instagram: 3_600_000,
  messenger: 86_400_000,
  catalog_management: 3_600_000,
  catalog_batch: 3_600_000,
};

/**
 * The error code Meta returns when a BUC budget is exhausted
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export const BUC_THROTTLE_CODE: Record<BucType, number> = {
  ads_insights: 80000,
  pages: 80001,
  instagram: 80002,
  custom_audience: 80003,
  ads_management: 80004,
  leadgen: 80005,
  messenger: 80006,
  catalog_management: 80009,
  catalog_batch: 80014,
};

export const DEFAULT_BUDGETS: UsageBudgets = {
  appCallsPerHour: 5000,
  buc: {
    // Development / limited tier with no active ads: 300 + 40 × active ads per hour.
    ads_management: 300,
    ads_insights: 600,
    custom_audience: 5000,
    leadgen: 4800,
    pages: 4800 * 50,
    instagram: 4800,
    messenger: 200 * 50,
    catalog_management: 20_000,
    catalog_batch: 200,
  },
  adAccountCallsPerHour: 600,
  headerWarmupCalls: 3,
};
