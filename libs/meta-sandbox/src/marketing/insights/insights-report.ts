import type { World } from '../../world/world';
import type { AdAccountRecord } from '../../world/types';
import type { AdRecord, AdSetRecord, CampaignRecord } from '../marketing-state';
import { GraphError } from '../../core/graph-error';
import { parseFields } from '../../core/field-selection';
import { marketing } from '../marketing-state';
import { DayMetrics, DeliveryHistory, METRIC_KEYS, countWorldLeads } from './daily-delivery';
import { segmentsFor, splitDay } from './breakdowns';
import { addDays } from './insights-dates';
import type { InsightsFilter, InsightsQuery, InsightsScope } from './insights-query';

export interface RowTotals extends DayMetrics {
  /** The largest single-day reach in the row: reach over several days is less than the sum of daily reach. */
  reachMax: number;
}

/** One row of an insights answer: a period, an object at the requested level, and a breakdown segment. */
export interface InsightsRow {
  key: string;
  dateStart: string;
  dateStop: string;
  account: AdAccountRecord;
  campaign?: CampaignRecord;
  adset?: AdSetRecord;
  ad?: AdRecord;
  segment: Record<string, string>;
  breakdowns: string[];
  totals: RowTotals;
  omitReach: boolean;
  /** Fields shown when the read names none: async rows keep the `fields` the job was queued with. */
  defaultFields: string[];
}

const DEFAULT_FIELDS = ['impressions', 'spend'];

/** Sync queries bigger than this answer "reduce the amount of data" (code 1, subcode 99), as Meta's do (notes §6.1). */
const SYNC_CELL_LIMIT = 400_000;

function adsInScope(world: World, scope: InsightsScope, filters: InsightsFilter[]): AdRecord[] {
  const state = marketing(world);
  return [...state.ads.values()].filter((ad) => {
    if (ad.accountId !== scope.account.accountId) return false;
    if (scope.campaignId && ad.campaignId !== scope.campaignId) return false;
    if (scope.adsetId && ad.adsetId !== scope.adsetId) return false;
    if (scope.adId && ad.id !== scope.adId) return false;
    return filters.every((filter) => entityMatches(filter, ad, state));
  });
}

function entityMatches(filter: InsightsFilter, ad: AdRecord, state: ReturnType<typeof marketing>): boolean {
  const [entity, attribute] = filter.field.split('.') as [string, string | undefined];
  if (!attribute) return true;
  const object = entity === 'campaign' ? state.campaigns.get(ad.campaignId) : entity === 'adset' ? state.adsets.get(ad.adsetId) : ad;
  const actual = object ? String(attribute === 'id' ? object.id : object.name) : '';
  return compare(actual, filter.operator, filter.value);
}

function compare(actual: string | number, operator: string, expected: unknown): boolean {
  const list = Array.isArray(expected) ? expected.map(String) : [String(expected)];
  switch (operator) {
    case 'IN':
      return list.includes(String(actual));
    case 'NOT_IN':
      return !list.includes(String(actual));
    case 'EQUAL':
      return String(actual) === String(expected);
    case 'NOT_EQUAL':
      return String(actual) !== String(expected);
    case 'CONTAIN':
      return String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'NOT_CONTAIN':
      return !String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'GREATER_THAN':
      return Number(actual) > Number(expected);
    case 'GREATER_THAN_OR_EQUAL':
      return Number(actual) >= Number(expected);
    case 'LESS_THAN':
      return Number(actual) < Number(expected);
    case 'LESS_THAN_OR_EQUAL':
      return Number(actual) <= Number(expected);
  }
  return true;
}

const emptyTotals = (): RowTotals => ({ ...Object.fromEntries(METRIC_KEYS.map((key) => [key, 0])), reachMax: 0 }) as RowTotals;

/**
 * Computes an insights answer from the synthetic history: every ad in scope, every day of every bucket, split by
 * the breakdowns, summed per (bucket, object at the level, segment). Rows without impressions are left out.
 */
export function computeInsights(world: World, now: number, scope: InsightsScope, query: InsightsQuery, async: boolean): InsightsRow[] {
  const offset = scope.account.timezoneOffsetHoursUtc;
  const ads = adsInScope(world, scope, query.filters).filter((ad) => ad.delivery);
  const days = query.buckets.reduce((sum, bucket) => sum + Math.round((Date.parse(bucket.until) - Date.parse(bucket.since)) / 86_400_000) + 1, 0);
  const segmentCount = ads.length > 0 ? segmentsFor(world.seed, ads[0]!.id, query.breakdowns).length : 1;
  if (!async && days * ads.length * segmentCount > SYNC_CELL_LIMIT) {
    throw new GraphError({ code: 1, subcode: 99, status: 500, message: "Please reduce the amount of data you're asking for, then retry your request" });
  }
  const state = marketing(world);
  const defaultFields = (async ? parseFields(query.params['fields'])?.map((field) => field.name) : undefined) ?? DEFAULT_FIELDS;
  const history = new DeliveryHistory(world, now, countWorldLeads(world, (id) => world.adAccounts.get(id)?.timezoneOffsetHoursUtc ?? 0));
  const rows = new Map<string, InsightsRow>();
  for (const bucket of query.buckets) {
    for (const ad of ads) {
      const segments = segmentsFor(world.seed, ad.id, query.breakdowns);
      for (let date = bucket.since; date <= bucket.until; date = addDays(date, 1)) {
        const day = history.day(ad, date, offset);
        if (!day) continue;
        splitDay(day, segments).forEach((part, i) => {
          const segment = segments[i]!;
          const objectId = query.level === 'account' ? scope.account.accountId : query.level === 'campaign' ? ad.campaignId : query.level === 'adset' ? ad.adsetId : ad.id;
          const key = `${bucket.since}|${objectId}|${segment.key}`;
          let row = rows.get(key);
          if (!row) {
            row = {
              key,
              dateStart: bucket.since,
              dateStop: bucket.until,
              account: scope.account,
              campaign: query.level === 'account' ? undefined : state.campaigns.get(ad.campaignId),
              adset: query.level === 'adset' || query.level === 'ad' ? state.adsets.get(ad.adsetId) : undefined,
              ad: query.level === 'ad' ? ad : undefined,
              segment: segment.values,
              breakdowns: query.breakdowns,
              totals: emptyTotals(),
              omitReach: query.omitReach,
              defaultFields,
            };
            rows.set(key, row);
          }
          for (const metric of METRIC_KEYS) row.totals[metric] += part[metric];
          row.totals.reachMax = Math.max(row.totals.reachMax, part.reach);
        });
      }
    }
  }
  const metricFilters = query.filters.filter((filter) => !filter.field.includes('.'));
  return [...rows.values()]
    .filter((row) => row.totals.impressions > 0)
    .filter((row) => metricFilters.every((filter) => compare(metricValue(row, filter.field), filter.operator, filter.value)))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function metricValue(row: InsightsRow, field: string): number {
  const t = row.totals;
  switch (field) {
    case 'spend':
      return t.spendMinor / 100;
    case 'reach':
      return periodReach(t);
    case 'ctr':
      return t.impressions ? (t.clicks / t.impressions) * 100 : 0;
    case 'cpc':
      return t.clicks ? t.spendMinor / 100 / t.clicks : 0;
    case 'cpm':
      return t.impressions ? (t.spendMinor / 100 / t.impressions) * 1000 : 0;
    default:
      return Number(t[field as keyof RowTotals] ?? 0);
  }
}

/** Unique people over a period: the best day plus a share of the others (people come back on other days). */
export function periodReach(totals: RowTotals): number {
  return Math.min(totals.impressions, Math.round(totals.reachMax + (totals.reach - totals.reachMax) * 0.35));
}
