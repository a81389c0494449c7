/**
 * MetaInsights: daily performance facts pulled from the insights edge
 * (https://developers.facebook.com/docs/marketing-api/insights/), joined with what happened to the product's own
 * leads afterwards (qualified, won, premium). Money is in major units of the ad account's currency, as the insights
 * edge sends `spend`; it is never summed across currencies. Days are calendar days of the ad account's time zone.
 */

/** The level a fact is about. `account` is the whole ad account. */
export type InsightLevel = 'account' | 'campaign' | 'adset' | 'ad';
/** A fact set: `none` is the plain daily facts; the others are Meta breakdowns, stored apart since they change totals. */
export type InsightBreakdown = 'none' | 'platform' | 'age_gender' | 'region';
export const INSIGHT_BREAKDOWNS: readonly InsightBreakdown[] = ['none', 'platform', 'age_gender', 'region'];
/** What ROI is computed on: the premium won, or the commission on it at the organisation's rate. */
export type RoiBasis = 'premium' | 'commission';
/** Why a pull ran. */
export type InsightPullTrigger = 'today' | 'lookback' | 'backfill' | 'on_demand';
export type InsightPullStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface DateRange {
  since: IsoDate;
  until: IsoDate;
}

/**
 * Meta's facts and the product's outcomes for one object (or a total) over a range. Every ratio is `null` when its
 * denominator is zero ("no value"), never infinity.
 */
export interface InsightMetrics {
  spend: number;
  impressions: number;
  /** Meta's deduplicated reach at this level; `null` for totals that would need summing across objects. */
  reach: number | null;
  clicks: number;
  linkClicks: number;
  /** Leads as Meta counts them (lead actions, under the account's attribution setting). */
  metaLeads: number;
  /** Leads stored here attributed to the object on the same local day; organic and test leads excluded. */
  storedLeads: number;
  /** Of the stored leads, those that reached qualified or beyond (quoted, won). */
  qualifiedLeads: number;
  wonPolicies: number;
  /** Premium of the won policies, in the account currency. */
  premiumWon: number;
  /** What ROI is computed on: premium won, or commission on it (see `InsightsSettingsDto`). */
  revenue: number;
  /** spend / storedLeads. */
  cpl: number | null;
  /** spend / metaLeads: Meta's own cost per lead. */
  metaCpl: number | null;
  costPerQualified: number | null;
  costPerWon: number | null;
  /** (revenue - spend) / spend; 0.5 is +50 %. */
  roi: number | null;
  /** clicks / impressions. */
  ctr: number | null;
  /** qualifiedLeads / storedLeads: the share of the stored leads that reached qualified or beyond. */
  qualifiedRate: number | null;
  /** wonPolicies / storedLeads. */
  wonRate: number | null;
}

/**
 * The Conversions API events of a campaign's stored leads (the leads its row counts: the range's account-local days,
 * organic and test excluded), whenever their stage changed: the loop back to Meta next to the lead quality it reports.
 */
export interface InsightConversionsDto {
  /** Events that went to Meta at least once (accepted, failed, or waiting for a retry). */
  sent: number;
  /** Events Meta accepted. */
  accepted: number;
}

/**
 * A query of `GET /v1/integrations/meta/insights`. `since` and `until` go together; without both, the last 28 days
 * (UTC calendar) are read.
 */
export interface InsightsQuery extends Partial<DateRange> {
  level?: InsightLevel;
  /** Meta object ids at `level` (comma-separated in the query string). */
  ids?: string[];
  adAccountId?: string;
  breakdown?: InsightBreakdown;
  /** Adds `previous` to each row: the same length of time just before `since`. */
  compare?: 'previous';
  sort?: 'spend' | 'cpl' | 'roi' | 'metaLeads' | 'storedLeads' | 'name';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
  /** `csv` answers a download instead of JSON. */
  format?: 'json' | 'csv';
}

export interface InsightRowDto {
  level: InsightLevel;
  objectId: string;
  /** From the MetaAds mirror when known; the id otherwise. */
  name: string;
  adAccountId: string;
  campaignId: string | null;
  adsetId: string | null;
  adId: string | null;
  /** The breakdown value (`facebook`, `25-34 · female`, `California`); null without a breakdown. */
  breakdownKey: string | null;
  currency: string;
  metrics: InsightMetrics;
  /** With `compare=previous`. */
  previous?: InsightMetrics;
  /** Campaign rows without a breakdown: the Conversions API events of the row's stored leads. */
  conversions?: InsightConversionsDto;
}

export interface InsightsPage {
  items: InsightRowDto[];
  total: number;
  limit: number;
  offset: number;
  range: DateRange;
  previousRange?: DateRange;
}

export interface InsightsDailyPoint {
  date: IsoDate;
  spend: number;
  metaLeads: number;
  storedLeads: number;
}

/** What `GET /v1/integrations/meta/insights/summary` answers: the dashboard's cards, chart and funnel. */
export interface InsightsSummaryDto {
  range: DateRange;
  previousRange: DateRange;
  /** The accounts counted (all of the organisation's unless one was asked for). */
  adAccountIds: string[];
  currency: string;
  /** The accounts' time zone; when they differ, each account's own days are used and this is the first one. */
  timeZone: string;
  attributionSetting: string | null;
  totals: InsightMetrics;
  previous: InsightMetrics;
  daily: InsightsDailyPoint[];
  funnel: { impressions: number; clicks: number; leads: number; qualified: number; won: number };
  /** When the newest successful pull finished; null before the first one. */
  dataAsOf: string | null;
  /** Meta may still restate this many most recent days. */
  restatementWindowDays: number;
  roiBasis: RoiBasis;
  commissionRate: number | null;
  /** Other currencies among the accounts, left out of these totals (pick an account to see them). */
  otherCurrencies: string[];
}

export interface InsightsSettingsDto {
  roiBasis: RoiBasis;
  /** Share of premium paid as commission, 0–1; required when `roiBasis` is `commission`. */
  commissionRate: number | null;
}

export interface InsightPullDto {
  id: string;
  adAccountId: string;
  trigger: InsightPullTrigger;
  range: DateRange;
  status: InsightPullStatus;
  graphRequests: number;
  asyncRuns: number;
  /** How many times a failed or timed-out report run was split into smaller ranges. */
  splits: number;
  rowsWritten: number;
  rowsRestated: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface InsightAccountStateDto {
  adAccountId: string;
  timeZone: string;
  currency: string;
  attributionSetting: string | null;
  backfilledSince: IsoDate | null;
  dataAsOf: string | null;
  throttledUntil: string | null;
  lastError: string | null;
}

/** `POST /v1/integrations/meta/insights/pulls`: an on-demand pull. */
export interface InsightPullRequest extends Partial<DateRange> {
  adAccountId?: string;
}
