import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  DateRange,
  InsightRowDto,
  InsightsDailyPoint,
  InsightsPage,
  InsightsQuery,
  InsightsSummaryDto,
  IsoDate,
} from '@legeai/contracts';
import { DEFAULT_PAGE_LIMIT } from '../../../common/paging/page-query.dto';
import { ConversionsPerCampaign } from '../../meta-conversions';
import { addSums, MetricSums, revenueFactor, sumsOf, toMetrics, ZERO_SUMS } from './insight-metrics';
import { datesOf, previousRange, rangeOf } from './insights-range';
import { InsightRowRecord, InsightsReportRepository } from './insights-report.repository';
import { InsightsSettingsRepository } from './insights-settings.repository';

/** Meta restates conversions for up to 28 days (https://developers.facebook.com/docs/marketing-api/insights/best-practices/). */
export const RESTATEMENT_WINDOW_DAYS = 28;
/** The most rows one CSV download holds (every ad of a large agency over a year fits). */
export const CSV_MAX_ROWS = 100_000;

export type InsightsSummaryQuery = Partial<DateRange> & { adAccountId?: string };

/**
 * The lead-to-revenue read side: Meta's facts per object next to what the product's own leads became, the
 * dashboard's summary, and the ROI settings they are computed with.
 */
@Injectable()
export class InsightsReportService {
  constructor(
    private readonly report: InsightsReportRepository,
    private readonly settings: InsightsSettingsRepository,
    private readonly conversions: ConversionsPerCampaign,
  ) {}

  /** One page of objects at a level (all of them for a download), each with its metrics and, asked, the previous period's. */
  async rows(organisationId: string, query: InsightsQuery, all = false): Promise<InsightsPage> {
    const range = rangeOf(query);
    const level = query.level ?? 'campaign';
    const base = {
      organisationId,
      level,
      breakdown: query.breakdown ?? 'none',
      adAccountId: query.adAccountId ?? null,
    };
    const limit = all ? CSV_MAX_ROWS : (query.limit ?? DEFAULT_PAGE_LIMIT);
    const offset = all ? 0 : (query.offset ?? 0);
    const [settings, records] = await Promise.all([
      this.settings.get(organisationId),
      this.report.rows({
        ...base,
        range,
        ids: query.ids?.length ? query.ids : null,
        sort: query.sort ?? 'spend',
        order: query.order ?? (query.sort === 'name' || query.sort === 'cpl' ? 'asc' : 'desc'),
        limit,
        offset,
      }),
    ]);
    const factor = revenueFactor(settings.roiBasis, settings.commissionRate);
    const items = records.map((r) => this.rowDto(level, r, factor));
    if (level === 'campaign' && base.breakdown === 'none') await this.addConversions(organisationId, range, items);
    const page: InsightsPage = { items, total: records.length ? Number(records[0].total) : 0, limit, offset, range };
    if (query.compare === 'previous') {
      const before = previousRange(range);
      page.previousRange = before;
      const ids = [...new Set(items.map((i) => i.objectId))];
      const previous = ids.length
        ? await this.report.rows({ ...base, range: before, ids, sort: 'spend', order: 'desc', limit: null, offset: 0 })
        : [];
      const byKey = new Map(previous.map((r) => [keyOf(r.ad_account_id, r.object_id, r.breakdown_key, r.currency), r]));
      for (const item of items) {
        const match = byKey.get(keyOf(item.adAccountId, item.objectId, item.breakdownKey ?? '', item.currency));
        item.previous = toMetrics(match ? sumsOf(match) : ZERO_SUMS, factor);
      }
    }
    return page;
  }

  /** The dashboard: totals and the previous period's, the daily series, the funnel, and how fresh the data is. */
  async summary(organisationId: string, query: InsightsSummaryQuery): Promise<InsightsSummaryDto> {
    const range = rangeOf(query);
    const adAccountId = query.adAccountId ?? null;
    const before = previousRange(range);
    const both = { since: before.since, until: range.until };
    const [settings, accounts, facts, outcomes] = await Promise.all([
      this.settings.get(organisationId),
      this.report.accounts(organisationId, adAccountId),
      this.report.dailyFacts(organisationId, both, adAccountId),
      this.report.dailyOutcomes(organisationId, both, adAccountId),
    ]);
    if (adAccountId && accounts.length === 0) throw new NotFoundException(`No ad account ${adAccountId} in this organisation`);
    const factor = revenueFactor(settings.roiBasis, settings.commissionRate);

    // Sums per currency and day, facts and outcomes merged.
    const days = new Map<string, MetricSums>();
    const spendBy = new Map<string, number>();
    const add = (currency: string, date: IsoDate, sums: MetricSums) => {
      const key = `${currency}|${date}`;
      days.set(key, addSums(days.get(key) ?? ZERO_SUMS, sums));
      if (date >= range.since) spendBy.set(currency, (spendBy.get(currency) ?? 0) + sums.spend);
    };
    for (const r of facts) add(r.currency, r.date, sumsOf(r));
    for (const r of outcomes) add(r.currency, r.date, sumsOf(r));

    // The headline currency: the one most was spent in; the others are named, never added in.
    const currencies = [...spendBy.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    const currency = currencies[0] ?? accounts.find((a) => a.currency)?.currency ?? 'USD';
    const inCurrency = accounts.filter((a) => a.currency === currency);
    const main = inCurrency[0] ?? accounts[0];
    const total = (r: DateRange) => datesOf(r).reduce((sum, date) => addSums(sum, days.get(`${currency}|${date}`) ?? ZERO_SUMS), ZERO_SUMS);
    const totals = total(range);
    const previous = total(before);
    // Reach of a total can only be read from a stored row: one account, one day, its account-level fact.
    if (inCurrency.length === 1 && range.since === range.until) {
      totals.reach = await this.report.accountReach(organisationId, inCurrency[0].ad_account_id, range.since);
    }
    const daily: InsightsDailyPoint[] = datesOf(range).map((date) => {
      const d = days.get(`${currency}|${date}`) ?? ZERO_SUMS;
      return { date, spend: Math.round(d.spend * 10_000) / 10_000, metaLeads: d.metaLeads, storedLeads: d.storedLeads };
    });
    const asOf = accounts.map((a) => a.data_as_of).filter((d): d is Date => d !== null);
    return {
      range,
      previousRange: before,
      adAccountIds: accounts.map((a) => a.ad_account_id),
      currency,
      timeZone: main?.tz ?? 'UTC',
      attributionSetting: main?.attribution_setting ?? null,
      totals: toMetrics(totals, factor),
      previous: toMetrics(previous, factor),
      daily,
      funnel: {
        impressions: totals.impressions,
        clicks: totals.clicks,
        leads: totals.storedLeads,
        qualified: totals.qualifiedLeads,
        won: totals.wonPolicies,
      },
      dataAsOf: asOf.length ? new Date(Math.max(...asOf.map((d) => new Date(d).getTime()))).toISOString() : null,
      restatementWindowDays: RESTATEMENT_WINDOW_DAYS,
      roiBasis: settings.roiBasis,
      commissionRate: settings.commissionRate,
      otherCurrencies: currencies.filter((c) => c !== currency),
    };
  }

  /**
   * Each campaign row gets the Conversions API events of the leads it counts (the same local days of its account),
   * read through MetaConversions' port, so the lead quality sits next to what was reported to Meta about it.
   */
  private async addConversions(organisationId: string, range: DateRange, items: InsightRowDto[]): Promise<void> {
    if (items.length === 0) return;
    const zones = new Map((await this.report.accounts(organisationId, null)).map((a) => [a.ad_account_id, a.tz]));
    // One window per campaign (a campaign is in one account; its rows never differ in zone).
    const windows = new Map(
      items.map((i) => [
        i.objectId,
        { campaignId: i.objectId, since: range.since, until: range.until, timeZone: zones.get(i.adAccountId) ?? 'UTC' },
      ]),
    );
    const counts = await this.conversions.ofCampaignLeads(organisationId, [...windows.values()]);
    for (const item of items) {
      const c = counts.get(item.objectId);
      item.conversions = { sent: c?.sent ?? 0, accepted: c?.accepted ?? 0 };
    }
  }

  private rowDto(level: InsightsQuery['level'] & string, r: InsightRowRecord, factor: number): InsightRowDto {
    return {
      level,
      objectId: r.object_id,
      name: r.name ?? r.object_id,
      adAccountId: r.ad_account_id,
      campaignId: r.campaign_id,
      adsetId: r.adset_id,
      adId: r.ad_id,
      breakdownKey: r.breakdown_key === '' ? null : r.breakdown_key,
      currency: r.currency,
      metrics: toMetrics(sumsOf(r), factor),
    };
  }
}

const keyOf = (account: string, object: string, breakdownKey: string, currency: string) =>
  `${account}|${object}|${breakdownKey}|${currency}`;
