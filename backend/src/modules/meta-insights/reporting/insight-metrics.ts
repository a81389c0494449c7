import type { InsightMetrics, RoiBasis } from '@legeai/contracts';

/** The additive sums one object (or a total) has over a range; every ratio is derived from them. */
export interface MetricSums {
  spend: number;
  impressions: number;
  /** Only ever a stored row's value (one object, one day); never a sum. */
  reach: number | null;
  clicks: number;
  linkClicks: number;
  metaLeads: number;
  storedLeads: number;
  qualifiedLeads: number;
  wonPolicies: number;
  premiumWon: number;
}

export const ZERO_SUMS: MetricSums = {
  spend: 0,
  impressions: 0,
  reach: null,
  clicks: 0,
  linkClicks: 0,
  metaLeads: 0,
  storedLeads: 0,
  qualifiedLeads: 0,
  wonPolicies: 0,
  premiumWon: 0,
};

/** What ROI is computed on: the premium itself, or the organisation's commission share of it. */
export function revenueFactor(basis: RoiBasis, commissionRate: number | null): number {
  return basis === 'commission' ? (commissionRate ?? 0) : 1;
}

/** Money keeps cents and the 4 decimals spend is stored with; ratios keep 4 decimals. */
const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

/** A ratio, or null ("no value") when its denominator is zero: never Infinity, never NaN. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator);
}

export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return {
    spend: a.spend + b.spend,
    impressions: a.impressions + b.impressions,
    reach: null,
    clicks: a.clicks + b.clicks,
    linkClicks: a.linkClicks + b.linkClicks,
    metaLeads: a.metaLeads + b.metaLeads,
    storedLeads: a.storedLeads + b.storedLeads,
    qualifiedLeads: a.qualifiedLeads + b.qualifiedLeads,
    wonPolicies: a.wonPolicies + b.wonPolicies,
    premiumWon: a.premiumWon + b.premiumWon,
  };
}

/** The metrics the API answers: the sums, and the ratios with null for a zero denominator. */
export function toMetrics(sums: MetricSums, factor: number): InsightMetrics {
  const spend = round(sums.spend);
  const premiumWon = round(sums.premiumWon, 2);
  const revenue = round(premiumWon * factor, 2);
  return {
    spend,
    impressions: sums.impressions,
    reach: sums.reach,
    clicks: sums.clicks,
    linkClicks: sums.linkClicks,
    metaLeads: sums.metaLeads,
    storedLeads: sums.storedLeads,
    qualifiedLeads: sums.qualifiedLeads,
    wonPolicies: sums.wonPolicies,
    premiumWon,
    revenue,
    cpl: ratio(spend, sums.storedLeads),
    metaCpl: ratio(spend, sums.metaLeads),
    costPerQualified: ratio(spend, sums.qualifiedLeads),
    costPerWon: ratio(spend, sums.wonPolicies),
    roi: ratio(revenue - spend, spend),
    ctr: ratio(sums.clicks, sums.impressions),
    qualifiedRate: ratio(sums.qualifiedLeads, sums.storedLeads),
    wonRate: ratio(sums.wonPolicies, sums.storedLeads),
  };
}

/** A database row's sums (numeric and bigint columns arrive as text). */
export function sumsOf(row: Record<string, unknown>): MetricSums {
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  return {
    spend: n(row.spend),
    impressions: n(row.impressions),
    reach: row.reach === null || row.reach === undefined ? null : Number(row.reach),
    clicks: n(row.clicks),
    linkClicks: n(row.link_clicks),
    metaLeads: n(row.meta_leads),
    storedLeads: n(row.stored_leads),
    qualifiedLeads: n(row.qualified_leads),
    wonPolicies: n(row.won_policies),
    premiumWon: n(row.premium_won),
  };
}
