import type { InsightMetrics, InsightRowDto, InsightsPage } from '@legeai/contracts';
import { csvHeader, csvRows } from '../../leads';

type Column = [header: string, value: (m: InsightMetrics) => number | null];

const METRIC_COLUMNS: Column[] = [
  ['Spend', (m) => m.spend],
  ['Impressions', (m) => m.impressions],
  ['Reach', (m) => m.reach],
  ['Clicks', (m) => m.clicks],
  ['Link clicks', (m) => m.linkClicks],
  ['Meta leads', (m) => m.metaLeads],
  ['Stored leads', (m) => m.storedLeads],
  ['Qualified leads', (m) => m.qualifiedLeads],
  ['Won policies', (m) => m.wonPolicies],
  ['Premium won', (m) => m.premiumWon],
  ['Revenue', (m) => m.revenue],
  ['CPL', (m) => m.cpl],
  ['Meta CPL', (m) => m.metaCpl],
  ['Cost per qualified', (m) => m.costPerQualified],
  ['Cost per won', (m) => m.costPerWon],
  ['ROI', (m) => m.roi],
  ['CTR', (m) => m.ctr],
  ['Qualified rate', (m) => m.qualifiedRate],
  ['Won rate', (m) => m.wonRate],
];

/** An empty cell is "no value" (a zero denominator, or reach that cannot be read for a range). */
const cell = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/**
 * The rows as a CSV download: RFC 4180, a byte order mark, and names (typed by people in Ads Manager) defused
 * against spreadsheet formulas by the lead export's rules (leads/lead-csv.ts).
 */
export function insightsCsv(page: InsightsPage): string {
  const compare = page.previousRange !== undefined;
  // Campaign rows without a breakdown carry their leads' Conversions API events: the download keeps them too.
  const campaigns = page.items.some((row) => row.conversions !== undefined);
  const headers = [
    'Level',
    'Id',
    'Name',
    'Ad account',
    'Campaign id',
    'Ad set id',
    'Ad id',
    'Breakdown',
    'Currency',
    'Since',
    'Until',
    ...METRIC_COLUMNS.map(([h]) => h),
    ...(compare ? METRIC_COLUMNS.map(([h]) => `Previous ${h}`) : []),
    ...(campaigns ? ['Conversions API events sent', 'Conversions API events accepted'] : []),
  ];
  const line = (row: InsightRowDto): string[] => [
    row.level,
    row.objectId,
    row.name,
    row.adAccountId,
    row.campaignId ?? '',
    row.adsetId ?? '',
    row.adId ?? '',
    row.breakdownKey ?? '',
    row.currency,
    page.range.since,
    page.range.until,
    ...METRIC_COLUMNS.map(([, v]) => cell(v(row.metrics))),
    ...(compare ? METRIC_COLUMNS.map(([, v]) => cell(row.previous ? v(row.previous) : null)) : []),
    ...(campaigns ? [cell(row.conversions?.sent), cell(row.conversions?.accepted)] : []),
  ];
  return csvHeader(headers) + csvRows(page.items.map(line));
}
