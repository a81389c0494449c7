import type { InsightBreakdown, InsightLevel } from '@legeai/contracts';

/**
 * One row of meta_insight_facts: an object at a level, on one of the account's days, in one breakdown segment
 * (`breakdownKey` '' without a breakdown). Spend is in major units of the account currency, kept as the 4-decimal
 * text the column stores, so comparing with the stored value is exact.
 */
export interface FactRow {
  organisationId: string;
  adAccountId: string;
  level: InsightLevel;
  breakdown: InsightBreakdown;
  objectId: string;
  date: string;
  breakdownKey: string;
  campaignId: string | null;
  adsetId: string | null;
  adId: string | null;
  spend: string;
  impressions: number;
  /** Meta's deduplicated reach of this object and day; null when Meta left it out (breakdowns older than 13 months). */
  reach: number | null;
  clicks: number;
  linkClicks: number;
  leads: number;
  currency: string;
  attributionSetting: string | null;
}

/** The values a re-pull may restate. */
export const FACT_METRICS = ['spend', 'impressions', 'reach', 'clicks', 'linkClicks', 'leads'] as const;
export type FactMetric = (typeof FACT_METRICS)[number];
export type StoredMetrics = Pick<FactRow, FactMetric>;

/** What a restatement records: `{ spend: { from: 12.5, to: 14 } }`, only the metrics that changed. */
export type FactChanges = Partial<Record<FactMetric, { from: number | null; to: number | null }>>;

/** The primary key of a fact, as one string (for maps). */
export function factKey(row: Pick<FactRow, 'level' | 'breakdown' | 'objectId' | 'date' | 'breakdownKey'>): string {
  return `${row.level}|${row.breakdown}|${row.objectId}|${row.date}|${row.breakdownKey}`;
}

/** Spend as the column stores it: 4 decimals. */
export function spendText(value: string | number): string {
  const n = typeof value === 'number' ? value : Number(value);
  return (Number.isFinite(n) ? Math.round(n * 10_000) / 10_000 : 0).toFixed(4);
}

const asNumber = (metric: FactMetric, value: string | number | null): number | null =>
  value === null ? null : metric === 'spend' ? Number(spendText(value)) : Number(value);

/**
 * What Meta restated between the stored fact and the one just read; null when nothing changed (most re-pulled days)
 * or when there was no stored fact (a first pull is not a restatement). Pure.
 */
export function restatedValues(stored: StoredMetrics | undefined, next: StoredMetrics): FactChanges | null {
  if (!stored) return null;
  const changes: FactChanges = {};
  for (const metric of FACT_METRICS) {
    const from = asNumber(metric, stored[metric]);
    const to = asNumber(metric, next[metric]);
    if (from !== to) changes[metric] = { from, to };
  }
  return Object.keys(changes).length ? changes : null;
}
