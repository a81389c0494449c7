import type { InsightBreakdown, InsightLevel } from '@legeai/contracts';
import { attributedLeadsSql } from '../../leads';
import { adAccountsSql } from '../../meta-assets';
import { adObjectNamesSql, campaignAccountsSql } from '../../meta-ads';

/**
 * The SQL of the read side, in pieces every statement shares, so the rows, the summary and the benchmark's check
 * count leads the same way. A lead counts for an ad object on the account-local day Meta created it
 * (`leads.received_at` is the lead's `created_time`), in the time zone of the ad account its campaign belongs to;
 * organic and test leads never count; premium counts only in the account's own currency (money is never summed across
 * currencies). Statuses from qualified on (qualified, quoted, won) are "qualified" (libs/contracts/src/leads.ts).
 *
 * Every piece takes bound parameters by name from `SqlParams`; nothing from a request is ever spliced into the text
 * (levels, breakdowns and sorts are picked from fixed lists). Other modules' tables are read through the SQL text
 * their owners give (`attributedLeadsSql` of the lead store, `adAccountsSql` of meta-assets, `campaignAccountsSql` and
 * `adObjectNamesSql` of the MetaAds mirror), never named here.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly index = new Map<string, number>();

  /** `$n` of a named value, the same n for the same name. */
  ref(name: string, value: unknown, cast = ''): string {
    let n = this.index.get(name);
    if (n === undefined) {
      this.values.push(value);
      n = this.values.length;
      this.index.set(name, n);
    }
    return `$${n}${cast}`;
  }
}

export const QUALIFIED_STATUSES_SQL = `('qualified', 'quoted', 'won')`;

/**
 * The organisation's ad accounts with the time zone and currency their facts are in: the insights pull's own record
 * (meta_insight_accounts) first, the discovered account (meta_ad_accounts) otherwise.
 */
export function zonesCte(p: SqlParams, organisationId: string): string {
  const org = p.ref('org', organisationId, '::uuid');
  return `zones AS (
    SELECT a.ad_account_id, COALESCE(i.timezone, a.timezone, 'UTC') AS tz, COALESCE(i.currency, a.currency) AS currency,
      a.name, i.attribution_setting, i.data_as_of
    FROM ${adAccountsSql(org)} a
    LEFT JOIN meta_insight_accounts i ON i.organisation_id = ${org} AND i.ad_account_id = a.ad_account_id
    WHERE a.is_active OR i.ad_account_id IS NOT NULL
    UNION ALL
    SELECT i.ad_account_id, i.timezone, i.currency, NULL, i.attribution_setting, i.data_as_of
    FROM meta_insight_accounts i
    WHERE i.organisation_id = ${org}
      AND NOT EXISTS (SELECT 1 FROM ${adAccountsSql(org)} a WHERE a.ad_account_id = i.ad_account_id)
  )`;
}

/**
 * Which ad account each campaign is in (leads carry the campaign, not the account): the MetaAds mirror, and the
 * campaigns the facts of the range name (a campaign deleted before the mirror saw it still has facts). `factsCte`
 * names a CTE of the statement that already holds the range's facts (with `campaign_id` and `ad_account_id`), so
 * they are not read twice.
 */
export function campaignAccountsCte(p: SqlParams, organisationId: string, since: string, until: string, factsCte?: string): string {
  const org = p.ref('org', organisationId, '::uuid');
  const fromFacts = factsCte
    ? `SELECT DISTINCT campaign_id, ad_account_id FROM ${factsCte} WHERE campaign_id IS NOT NULL`
    : `SELECT DISTINCT campaign_id, ad_account_id FROM meta_insight_facts
    WHERE organisation_id = ${org} AND level = 'campaign' AND breakdown = 'none'
      AND date BETWEEN ${p.ref('leadSince', since, '::date')} AND ${p.ref('leadUntil', until, '::date')}`;
  return `campaign_accounts AS (
    ${campaignAccountsSql(org)}
    UNION
    ${fromFacts}
  )`;
}

/** The expression a lead is grouped by to meet the facts of a level. */
export const LEAD_KEY: Record<InsightLevel, string> = {
  account: 'ca.ad_account_id',
  campaign: 'l.campaign_id',
  adset: 'l.adset_id',
  ad: 'l.ad_id',
};

/**
 * The stored leads' outcomes between two account-local days, grouped by `keys` (expressions over `l` the lead,
 * `ca` its campaign's account, `z` that account's zone, and `{day}` for the lead's local day). Needs `zones` and
 * `campaign_accounts`.
 *
 * The leads that can count are read first, on their own (`MATERIALIZED`), by the index on (organisation_id,
 * received_at) with the local days widened by the farthest UTC offsets (−12 h, +14 h): an index-only range scan.
 * Without the fence the planner, misjudging the campaign join as one row, walked each campaign's whole lead history
 * (290,000 buffers and 2 s on the benchmark's 500,000 leads). Each account's exact bounds are then two instants
 * computed once per account, so no lead's time is converted unless its local day is a group key.
 */
export function leadOutcomesSql(
  p: SqlParams,
  organisationId: string,
  since: string,
  until: string,
  adAccountId: string | null,
  keys: { expr: string; as: string }[],
): string {
  const org = p.ref('org', organisationId, '::uuid');
  const s = p.ref('leadSince', since, '::date');
  const u = p.ref('leadUntil', until, '::date');
  const account = p.ref('account', adAccountId, '::text');
  const day = `(l.received_at AT TIME ZONE z.tz)::date`;
  const select = keys.map((k) => `${k.expr.replaceAll('{day}', day)} AS ${k.as}`).join(', ');
  return `WITH lead_rows AS MATERIALIZED (
      ${attributedLeadsSql(org, `((${s} - 1)::timestamp AT TIME ZONE 'UTC')`, `((${u} + 2)::timestamp AT TIME ZONE 'UTC')`)}
    ),
    local_days AS (
      SELECT zz.ad_account_id, zz.tz, zz.currency,
        (${s}::timestamp AT TIME ZONE zz.tz) AS first_instant, ((${u} + 1)::timestamp AT TIME ZONE zz.tz) AS end_instant
      FROM zones zz
    )
    SELECT ${select},
      count(*) AS stored_leads,
      count(*) FILTER (WHERE l.status IN ${QUALIFIED_STATUSES_SQL}) AS qualified_leads,
      count(*) FILTER (WHERE l.status = 'won') AS won_policies,
      COALESCE(sum(l.premium_value) FILTER (WHERE l.status = 'won' AND l.premium_currency = z.currency), 0) AS premium_won
    FROM lead_rows l
    JOIN campaign_accounts ca ON ca.campaign_id = l.campaign_id
    JOIN local_days z ON z.ad_account_id = ca.ad_account_id
    WHERE l.received_at >= z.first_instant AND l.received_at < z.end_instant
      AND (${account} IS NULL OR ca.ad_account_id = ${account})
    GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;
}

/** Where an object's name comes from: the MetaAds mirror (or the discovered ad account). */
export const NAME_JOIN: Record<InsightLevel, (org: string) => string> = {
  account: (org) => `LEFT JOIN ${adAccountsSql(org)} n ON n.ad_account_id = f.object_id`,
  campaign: (org) => `LEFT JOIN ${adObjectNamesSql('campaign', org)} n ON n.object_id = f.object_id`,
  adset: (org) => `LEFT JOIN ${adObjectNamesSql('adset', org)} n ON n.object_id = f.object_id`,
  ad: (org) => `LEFT JOIN ${adObjectNamesSql('ad', org)} n ON n.object_id = f.object_id`,
};
/** The name of the object joined by NAME_JOIN. */
export const NAME_COLUMN = 'n.name';

export const BREAKDOWNS_WITH_LEADS: readonly InsightBreakdown[] = ['none'];
