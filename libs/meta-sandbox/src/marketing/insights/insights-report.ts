import type { World } from '../../world/world';
import type { AdAccountRecord } from '../../world/types';
import type { PageRequest } from '../../core/graph-registry';
import type { PageWindow } from '../../core/paging';
import type { AdRecord, AdSetRecord, CampaignRecord } from '../marketing-state';
import type { InsightsQuery, InsightsScope } from './insights-query';
import { GraphError } from '../../core/graph-error';
import { GraphErrors } from '../../core/graph-errors';
import { parseFields } from '../../core/field-selection';
import { marketing } from '../marketing-state';
import { DayMetrics, DeliveryHistory, METRIC_KEYS } from './daily-delivery';
import { Segment, segmentsFor, splitDay } from './breakdowns';
import { addDays } from './insights-dates';
import { ReportObject, deliveryDays, objectsOf } from './report-objects';
import { compare } from './insights-compare';
import { leadFactsAsOf } from './lead-facts';

export interface RowTotals extends DayMetrics {
  /** The largest single (ad, day) reach in the row: reach over several ads or days is less than their sum. */
  reachMax: number;
  /** Leads under each ad set's own attribution setting (`use_unified_attribution_setting`): view-through ones only where it counts views. */
  unifiedLeads: number;
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
  query: InsightsQuery;
  world: World;
}

const DEFAULT_FIELDS = ['impressions', 'spend'];

/**
 * Sync queries bigger than this answer "reduce the amount of data" (code 1, subcode 99), as Meta's do
 * (https://developers.facebook.com/docs/marketing-api/insights/best-practices).
 */
const SYNC_CELL_LIMIT = 400_000;
/** How many empty (period, object) groups a page may look through to learn whether another row follows. */
const LOOKAHEAD_GROUPS = 4_000;

const emptyTotals = (): RowTotals =>
  ({ ...Object.fromEntries(METRIC_KEYS.map((key) => [key, 0])), reachMax: 0, unifiedLeads: 0 }) as RowTotals;

const dayCount = (since: string, until: string): number => Math.round((Date.parse(until) - Date.parse(since)) / 86_400_000) + 1;

/**
 * An insights answer computed one page at a time: periods (buckets) in date order, then objects at the level in id
 * order, then breakdown segments in key order. A cursor is the position of a row in that order, so a page only
 * computes the (period, object) groups it shows, whatever the size of the whole answer (years of days times
 * thousands of ads stay cheap in memory). Rows without impressions are left out, as Meta omits them.
 */
export class InsightsReport {
  private readonly objects: ReportObject[];
  private readonly segmentKeys: string[];
  private readonly history: DeliveryHistory;
  private readonly defaultFields: string[];
  private readonly groups = new Map<string, (InsightsRow | undefined)[]>();

  constructor(
    private readonly world: World,
    private readonly scope: InsightsScope,
    private readonly query: InsightsQuery,
    now: number,
    async: boolean,
  ) {
    this.objects = objectsOf(world, scope, query);
    const adCount = this.objects.reduce((sum, object) => sum + object.ads.length, 0);
    const sample = this.objects[0]?.ads[0]?.id ?? 'none';
    this.segmentKeys = segmentsFor(world.seed, sample, query.breakdowns)
      .map((segment) => segment.key)
      .sort();
    const days = query.buckets.reduce((sum, bucket) => sum + dayCount(bucket.since, bucket.until), 0);
    if (!async && days * adCount * this.segmentKeys.length > SYNC_CELL_LIMIT) {
      throw new GraphError({
        code: 1,
        subcode: 99,
        status: 500,
        message: "Please reduce the amount of data you're asking for, then retry your request",
      });
    }
    for (const object of this.objects) Object.assign(object, deliveryDays(world, object.ads, scope.account.timezoneName, now));
    this.history = new DeliveryHistory(world, now, leadFactsAsOf(world, now));
    this.defaultFields = (async ? parseFields(query.params['fields'])?.map((field) => field.name) : undefined) ?? DEFAULT_FIELDS;
  }

  /** Rough work size, for how long an async job of this report takes. */
  get cells(): number {
    const days = this.query.buckets.reduce((sum, bucket) => sum + dayCount(bucket.since, bucket.until), 0);
    return days * this.objects.reduce((sum, object) => sum + object.ads.length, 0) * this.segmentKeys.length;
  }

  page(request: PageRequest): PageWindow<InsightsRow> {
    const limit = request.limit;
    const total = this.query.buckets.length * this.objects.length * this.segmentKeys.length;
    const backward = request.before !== undefined;
    const from =
      request.after !== undefined ? this.decode(request.after) + 1 : request.before !== undefined ? this.decode(request.before) - 1 : 0;
    const found: { position: number; row: InsightsRow }[] = [];
    let position = from;
    const step = backward ? -1 : 1;
    while (position >= 0 && position < total && found.length < limit) {
      const skipTo = this.skipEmptyGroup(position, step);
      if (skipTo !== undefined) {
        position = skipTo;
        continue;
      }
      const row = this.rowAt(position);
      if (row) found.push({ position, row });
      position += step;
    }
    if (backward) found.reverse();
    const more = (start: number, direction: number) => this.anyRow(start, direction, total);
    const first = found[0]?.position;
    const last = found[found.length - 1]?.position;
    return {
      items: found.map((entry) => entry.row),
      before: first === undefined ? undefined : this.encode(first),
      after: last === undefined ? undefined : this.encode(last),
      hasNext: last === undefined ? false : more(last + 1, 1),
      hasPrevious: first === undefined ? false : request.after !== undefined || (first > 0 && more(first - 1, -1)),
    };
  }

  /** Whether a row exists from `start` on in a direction; past the look-ahead budget, assume one may (Meta: pages may be empty while `next` exists). */
  private anyRow(start: number, direction: number, total: number): boolean {
    const perGroup = this.segmentKeys.length;
    let budget = LOOKAHEAD_GROUPS * perGroup;
    for (let position = start; position >= 0 && position < total;) {
      const skipTo = this.skipEmptyGroup(position, direction);
      if (skipTo !== undefined) {
        position = skipTo;
        continue;
      }
      if (this.rowAt(position)) return true;
      if (--budget <= 0) return true;
      position += direction;
    }
    return false;
  }

  /**
   * Where to continue when the group at `position` cannot hold a row (its object did not deliver during the
   * period): the next group's first position, or the previous group's last. Years of periods before an ad existed
   * cost a comparison each, not a computation.
   */
  private skipEmptyGroup(position: number, direction: number): number | undefined {
    const perGroup = this.segmentKeys.length;
    const groupIndex = Math.floor(position / perGroup);
    const bucket = this.query.buckets[Math.floor(groupIndex / this.objects.length)];
    const object = this.objects[groupIndex % this.objects.length];
    if (object.firstDay !== undefined && bucket.until >= object.firstDay && bucket.since <= object.lastDay!) return undefined;
    return direction > 0 ? (groupIndex + 1) * perGroup : groupIndex * perGroup - 1;
  }

  private rowAt(position: number): InsightsRow | undefined {
    const perGroup = this.segmentKeys.length;
    const groupIndex = Math.floor(position / perGroup);
    const bucketIndex = Math.floor(groupIndex / this.objects.length);
    const objectIndex = groupIndex % this.objects.length;
    const cacheKey = `${bucketIndex}:${objectIndex}`;
    let group = this.groups.get(cacheKey);
    if (!group) {
      group = this.computeGroup(bucketIndex, objectIndex);
      // A page walks groups in order; keeping a bounded few is enough.
      if (this.groups.size > 64) this.groups.clear();
      this.groups.set(cacheKey, group);
    }
    return group[position % perGroup];
  }

  private computeGroup(bucketIndex: number, objectIndex: number): (InsightsRow | undefined)[] {
    const bucket = this.query.buckets[bucketIndex];
    const object = this.objects[objectIndex];
    const dates = this.datesOf(bucketIndex);
    const totals = this.segmentKeys.map(() => emptyTotals());
    const adsets = marketing(this.world).adsets;
    for (const ad of object.ads) {
      const segments = alignedSegments(this.world.seed, ad.id, this.query.breakdowns, this.segmentKeys);
      const countsViews = adsets.get(ad.adsetId)?.attributionSpec.some((entry) => entry.event_type === 'VIEW_THROUGH') ?? true;
      for (const date of dates) {
        if (object.firstDay === undefined || date < object.firstDay || date > object.lastDay!) continue;
        const day = this.history.day(ad, this.scope.account, date);
        if (!day) continue;
        splitDay(day, segments, this.query.breakdowns).forEach((part, i) => {
          const sum = totals[i];
          for (const metric of METRIC_KEYS) sum[metric] += part[metric];
          sum.reachMax = Math.max(sum.reachMax, part.reach);
          sum.unifiedLeads += countsViews ? part.leads : part.leads - part.viewLeads;
        });
      }
    }
    const metricFilters = this.query.filters.filter((filter) => !filter.field.includes('.'));
    return totals.map((sum, i) => {
      if (sum.impressions <= 0) return undefined;
      const segment = this.segmentValues(object, i);
      const row: InsightsRow = {
        key: `${bucket.since}|${object.id}|${this.segmentKeys[i]}`,
        dateStart: bucket.since,
        dateStop: bucket.until,
        account: this.scope.account,
        campaign: object.campaign,
        adset: object.adset,
        ad: object.ad,
        segment,
        breakdowns: this.query.breakdowns,
        totals: sum,
        omitReach: this.query.omitReach,
        defaultFields: this.defaultFields,
        query: this.query,
        world: this.world,
      };
      return metricFilters.every((filter) => compare(metricValue(row, filter.field), filter.operator, filter.value)) ? row : undefined;
    });
  }

  private readonly bucketDates = new Map<number, string[]>();

  private datesOf(bucketIndex: number): string[] {
    let dates = this.bucketDates.get(bucketIndex);
    if (!dates) {
      const bucket = this.query.buckets[bucketIndex];
      dates = [];
      for (let date = bucket.since; date <= bucket.until; date = addDays(date, 1)) dates.push(date);
      if (this.bucketDates.size > 64) this.bucketDates.clear();
      this.bucketDates.set(bucketIndex, dates);
    }
    return dates;
  }

  private segmentValues(object: ReportObject, index: number): Record<string, string> {
    const sample = object.ads[0]?.id ?? 'none';
    return alignedSegments(this.world.seed, sample, this.query.breakdowns, this.segmentKeys)[index].values;
  }

  private encode(position: number): string {
    return Buffer.from(`insights:${position}`).toString('base64');
  }

  private decode(cursor: string): number {
    const match = /^insights:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!match) throw GraphErrors.invalidParameter('The cursor parameter is invalid');
    return Number(match[1]);
  }
}

/** An ad's segments in the report's key order (every ad has the same keys; weights differ per ad). */
function alignedSegments(seed: string, adId: string, breakdowns: string[], keys: string[]): Segment[] {
  const byKey = new Map(segmentsFor(seed, adId, breakdowns).map((segment) => [segment.key, segment]));
  return keys.map((key) => byKey.get(key)!);
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
    case 'inline_link_clicks':
      return t.linkClicks;
    default:
      return Number(t[field as keyof RowTotals] ?? 0);
  }
}

/**
 * Unique people over a row: the best (ad, day) plus a share of the others, since people come back on other days and
 * see several ads of a campaign. So reach of a campaign is less than the sum of its ads', and of a month less than
 * the sum of its days'.
 */
export function periodReach(totals: RowTotals): number {
  return Math.min(totals.impressions, Math.round(totals.reachMax + (totals.reach - totals.reachMax) * 0.35));
}
