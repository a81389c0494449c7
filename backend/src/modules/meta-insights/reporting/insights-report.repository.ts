import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DateRange, InsightBreakdown, InsightLevel, InsightsQuery } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import {
  BREAKDOWNS_WITH_LEADS,
  campaignAccountsCte,
  LEAD_KEY,
  leadOutcomesSql,
  NAME_COLUMN,
  NAME_JOIN,
  SqlParams,
  zonesCte,
} from './insights-report.sql';

export type InsightSort = NonNullable<InsightsQuery['sort']>;

export interface InsightRowsFilter {
  organisationId: string;
  range: DateRange;
  level: InsightLevel;
  breakdown: InsightBreakdown;
  adAccountId: string | null;
  ids: string[] | null;
  sort: InsightSort;
  order: 'asc' | 'desc';
  limit: number | null;
  offset: number;
}

/** One object's sums over the range, as PostgreSQL sends them (numeric and bigint as text). */
export interface InsightRowRecord extends Record<string, unknown> {
  ad_account_id: string;
  object_id: string;
  breakdown_key: string;
  currency: string;
  campaign_id: string | null;
  adset_id: string | null;
  ad_id: string | null;
  name: string | null;
  total: string;
}

export interface AccountZoneRecord {
  ad_account_id: string;
  tz: string;
  currency: string | null;
  attribution_setting: string | null;
  data_as_of: Date | null;
}

/** Sums of one currency on one day: the facts' side and the leads' side arrive apart. */
export interface DailyFactRecord extends Record<string, unknown> {
  currency: string;
  date: string;
}
export interface DailyOutcomeRecord extends Record<string, unknown> {
  currency: string;
  date: string;
}

/** One object's spend (major units, as text) and Meta's leads over a range, in one currency. */
export interface ObjectTotalRecord {
  object_id: string;
  currency: string;
  spend: string;
  leads: string;
}

const SORT_SQL: Record<InsightSort, string> = {
  spend: 'f.spend',
  cpl: 'f.spend / NULLIF(COALESCE(o.stored_leads, 0), 0)',
  roi: '(COALESCE(o.premium_won, 0) * {factor} - f.spend) / NULLIF(f.spend, 0)',
  metaLeads: 'f.meta_leads',
  storedLeads: 'COALESCE(o.stored_leads, 0)',
  name: `lower(COALESCE({name}, f.object_id))`,
};

/**
 * The read side's statements on meta_insight_facts, joined with the lead store's `leads` (read only: the join is the
 * point of this module) and the MetaAds mirror's names. Facts are read at the level asked, never rolled up from ads:
 * a campaign's row is its campaign-level fact, which also keeps reach as Meta deduplicated it.
 */
@Injectable()
export class InsightsReportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of objects (every object when `limit` is null) with their sums, and the total count. */
  async rows(filter: InsightRowsFilter): Promise<InsightRowRecord[]> {
    const p = new SqlParams();
    const { organisationId: organisation, range, level, breakdown } = filter;
    const org = p.ref('org', organisation, '::uuid');
    const since = p.ref('since', range.since, '::date');
    const until = p.ref('until', range.until, '::date');
    const account = p.ref('account', filter.adAccountId, '::text');
    const ids = p.ref('ids', filter.ids, '::text[]');
    const withLeads = BREAKDOWNS_WITH_LEADS.includes(breakdown);
    // Breakdown rows (platform, age and gender, region) carry Meta's facts only: a stored lead is not known by them.
    const outcomes = withLeads
      ? `, ${zonesCte(p, organisation)}, ${campaignAccountsCte(p, organisation, range.since, range.until, 'facts')},
        outcomes AS (${leadOutcomesSql(p, organisation, range.since, range.until, filter.adAccountId, [
          { expr: 'ca.ad_account_id', as: 'ad_account_id' },
          { expr: LEAD_KEY[level], as: 'object_id' },
        ])})`
      : `, outcomes AS (SELECT NULL::text AS ad_account_id, NULL::text AS object_id, 0 AS stored_leads, 0 AS qualified_leads,
          0 AS won_policies, 0 AS premium_won WHERE false)`;
    // ROI sorts on revenue per unit of premium as the organisation's settings say, read in the same statement so the
    // settings need no round trip before it.
    const factor = `COALESCE((SELECT CASE WHEN st.roi_basis = 'commission' THEN st.commission_rate ELSE 1 END
      FROM meta_insights_settings st WHERE st.organisation_id = ${org}), 1)`;
    const sortSql = SORT_SQL[filter.sort].replace('{name}', NAME_COLUMN).replace('{factor}', factor);
    const order = `${sortSql} ${filter.order === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, f.object_id, f.breakdown_key`;
    const page =
      filter.limit === null ? '' : `LIMIT ${p.ref('limit', filter.limit, '::int')} OFFSET ${p.ref('offset', filter.offset, '::int')}`;
    const sql = `
      WITH facts AS (
        SELECT f.ad_account_id, f.object_id, f.breakdown_key, f.currency,
          max(f.campaign_id) AS campaign_id, max(f.adset_id) AS adset_id, max(f.ad_id) AS ad_id,
          sum(f.spend) AS spend, sum(f.impressions) AS impressions,
          -- Reach is Meta's deduplicated count for one object and day: a stored row's value, never a sum.
          CASE WHEN count(*) = 1 THEN max(f.reach) END AS reach,
          sum(f.clicks) AS clicks, sum(f.link_clicks) AS link_clicks, sum(f.leads) AS meta_leads
        FROM meta_insight_facts f
        WHERE f.organisation_id = ${org} AND f.level = ${p.ref('level', level)} AND f.breakdown = ${p.ref('breakdown', breakdown)}
          AND f.date BETWEEN ${since} AND ${until}
          AND (${account} IS NULL OR f.ad_account_id = ${account})
          AND (${ids} IS NULL OR f.object_id = ANY(${ids}))
        GROUP BY f.ad_account_id, f.object_id, f.breakdown_key, f.currency
      )${outcomes}
      SELECT f.*, ${NAME_COLUMN} AS name,
        COALESCE(o.stored_leads, 0) AS stored_leads, COALESCE(o.qualified_leads, 0) AS qualified_leads,
        COALESCE(o.won_policies, 0) AS won_policies, COALESCE(o.premium_won, 0) AS premium_won,
        count(*) OVER () AS total
      FROM facts f
      LEFT JOIN outcomes o ON o.ad_account_id = f.ad_account_id AND o.object_id = f.object_id
      ${NAME_JOIN[level](org)}
      ORDER BY ${order}
      ${page}`;
    return this.db.query<InsightRowRecord[]>(sql, p.values);
  }

  /** The organisation's ad accounts (or the one asked for) with their zones and when their data was last pulled. */
  async accounts(organisationId: string, adAccountId: string | null): Promise<AccountZoneRecord[]> {
    const p = new SqlParams();
    const zones = zonesCte(p, organisationId);
    const account = p.ref('account', adAccountId, '::text');
    return this.db.query<AccountZoneRecord[]>(
      `WITH ${zones}
       SELECT z.ad_account_id, z.tz, z.currency, z.attribution_setting,
         GREATEST(z.data_as_of, (SELECT max(finished_at) FROM meta_insight_pulls ip
           WHERE ip.organisation_id = ${p.ref('org', organisationId, '::uuid')} AND ip.ad_account_id = z.ad_account_id
             AND ip.status = 'succeeded')) AS data_as_of
       FROM zones z WHERE (${account} IS NULL OR z.ad_account_id = ${account})
       ORDER BY z.ad_account_id`,
      p.values,
    );
  }

  /**
   * Facts per currency and day from the campaign-level rows (spend, impressions, clicks and Meta's leads add up over
   * campaigns; reach does not and is not read here).
   */
  async dailyFacts(organisationId: string, range: DateRange, adAccountId: string | null): Promise<DailyFactRecord[]> {
    return this.db.query<DailyFactRecord[]>(
      `SELECT f.currency, f.date::text AS date, sum(f.spend) AS spend, sum(f.impressions) AS impressions,
         sum(f.clicks) AS clicks, sum(f.link_clicks) AS link_clicks, sum(f.leads) AS meta_leads
       FROM meta_insight_facts f
       WHERE f.organisation_id = $1 AND f.level = 'campaign' AND f.breakdown = 'none'
         AND f.date BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR f.ad_account_id = $4)
       GROUP BY f.currency, f.date`,
      [organisationId, range.since, range.until, adAccountId],
    );
  }

  /** The stored leads' outcomes per account currency and local day. */
  async dailyOutcomes(organisationId: string, range: DateRange, adAccountId: string | null): Promise<DailyOutcomeRecord[]> {
    const p = new SqlParams();
    const sql = `WITH ${zonesCte(p, organisationId)}, ${campaignAccountsCte(p, organisationId, range.since, range.until)}
      SELECT * FROM (${leadOutcomesSql(p, organisationId, range.since, range.until, adAccountId, [
        { expr: 'z.currency', as: 'currency' },
        { expr: '{day}::text', as: 'date' },
      ])}) o`;
    return this.db.query<DailyOutcomeRecord[]>(sql, p.values);
  }

  /**
   * Spend and Meta's leads of campaigns, ad sets or ads over a range, summed from their own level's rows (no
   * breakdown), per currency: what the Ads section shows next to each object.
   */
  async objectTotals(
    organisationId: string,
    level: Exclude<InsightLevel, 'account'>,
    objectIds: string[],
    range: DateRange,
  ): Promise<ObjectTotalRecord[]> {
    return this.db.query<ObjectTotalRecord[]>(
      `SELECT f.object_id, f.currency, sum(f.spend)::text AS spend, sum(f.leads)::text AS leads
       FROM meta_insight_facts f
       WHERE f.organisation_id = $1 AND f.level = $2 AND f.breakdown = 'none' AND f.object_id = ANY($3::text[])
         AND f.date BETWEEN $4::date AND $5::date
       GROUP BY f.object_id, f.currency
       ORDER BY f.object_id, sum(f.spend) DESC, f.currency`,
      [organisationId, level, objectIds, range.since, range.until],
    );
  }

  /** Meta's reach of one account on one day: the account-level row, the only place a total's reach can be read. */
  async accountReach(organisationId: string, adAccountId: string, date: string): Promise<number | null> {
    const [row] = await this.db.query<{ reach: string | null }[]>(
      `SELECT reach FROM meta_insight_facts
       WHERE organisation_id = $1 AND ad_account_id = $2 AND level = 'account' AND breakdown = 'none'
         AND date = $3::date AND breakdown_key = ''`,
      [organisationId, adAccountId, date],
    );
    return row?.reach === null || row?.reach === undefined ? null : Number(row.reach);
  }
}
