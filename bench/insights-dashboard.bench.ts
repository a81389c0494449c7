import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InsightsPage, InsightsSummaryDto } from '@legeai/contracts';
import { Client } from 'pg';
import { BENCH_ADMIN, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { BenchSettings } from './lib/settings';

export const NAME = 'Insights dashboard';
const RATIO_TARGET = 0.5;

const built = () => existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-insights', 'reporting', 'insights-report.service.js'));

/** Two ad accounts in different zones, one currency (the summary's totals cover both). */
const ACCOUNTS = [
  { id: 'act_810000000000001', tz: 'America/New_York', n: 1 },
  { id: 'act_810000000000002', tz: 'America/Los_Angeles', n: 2 },
];

interface Size {
  campaigns: number;
  adsetsPerCampaign: number;
  adsPerAdset: number;
  days: number;
  leads: number;
  rangeDays: number;
  samples: number;
}

/**
 * Facts and leads generated in SQL (generate_series; deterministic pseudo-random numbers from hashes of the keys):
 * per account `campaigns × adsets × ads` ads with a fact a day for `days` days ending yesterday, their ad set,
 * campaign and account rollups as the pull stores them, campaign names in the MetaAds mirror, and `leads` leads
 * spread over the same days and ads (5 % organic, 1 % test; statuses new 40 %, contacted 20 %, qualified 15 %,
 * quoted 10 %, won 10 %, lost 5 %; premium on the won ones).
 */
async function seed(db: Client, org: string, size: Size): Promise<{ until: string; factRows: number }> {
  const [{ until }] = (await db.query<{ until: string }>(`SELECT (current_date - 1)::text AS until`)).rows;
  for (const a of ACCOUNTS) {
    await db.query(
      `INSERT INTO meta_insight_accounts (organisation_id, ad_account_id, timezone, currency, attribution_setting, data_as_of)
       VALUES ($1, $2, $3, 'USD', '7d_click_1d_view', now())`,
      [org, a.id, a.tz],
    );
    await db.query(
      `INSERT INTO meta_campaigns (organisation_id, ad_account_id, campaign_id, name, status, effective_status, objective, synced_at)
       SELECT $1, $2, ($3 * 1000000 + c)::text, 'Campaign ' || $3 || '-' || c, 'ACTIVE', 'ACTIVE', 'OUTCOME_LEADS', now()
       FROM generate_series(1, $4) c`,
      [org, a.id, a.n, size.campaigns],
    );
    // Ad ids encode their ad set and campaign: ad = account·10^6 + campaign·10^4 + adset·10^2 + ad.
    await db.query(
      `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, object_id, date, campaign_id, adset_id, ad_id,
         spend, impressions, reach, clicks, link_clicks, leads, currency, attribution_setting)
       SELECT $1, $2, 'ad', k.ad::text, d, k.camp::text, k.adset::text, k.ad::text,
         s.spend, s.spend * 120, s.spend * 90, s.spend * 3, s.spend * 2, (s.spend / 25)::int, 'USD', '7d_click_1d_view'
       FROM generate_series(1, $4) c, generate_series(1, $5) st, generate_series(1, $6) ai,
         LATERAL (SELECT $3::bigint * 1000000 + c AS camp, $3::bigint * 100000000 + c * 10000 + st * 100 AS adset,
           $3::bigint * 100000000 + c * 10000 + st * 100 + ai AS ad) k,
         generate_series($7::date - ($8::int - 1), $7::date, interval '1 day') d,
         LATERAL (SELECT round((abs(hashtext(k.ad::text || d::text)) % 6000) / 100.0, 2) AS spend) s`,
      [org, a.id, a.n, size.campaigns, size.adsetsPerCampaign, size.adsPerAdset, until, size.days],
    );
    // Rollups as Meta answers them per level (reach is Meta's own per level; here a fraction of the ads' sum).
    for (const [level, key] of [
      ['adset', 'adset_id'],
      ['campaign', 'campaign_id'],
    ] as const) {
      await db.query(
        `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, object_id, date, campaign_id, adset_id,
           spend, impressions, reach, clicks, link_clicks, leads, currency, attribution_setting)
         SELECT organisation_id, ad_account_id, '${level}', ${key}, date, max(campaign_id), ${level === 'adset' ? 'max(adset_id)' : 'NULL'},
           sum(spend), sum(impressions), (sum(reach) * 0.8)::bigint, sum(clicks), sum(link_clicks), sum(leads), 'USD', '7d_click_1d_view'
         FROM meta_insight_facts WHERE organisation_id = $1 AND ad_account_id = $2 AND level = 'ad'
         GROUP BY organisation_id, ad_account_id, ${key}, date`,
        [org, a.id],
      );
    }
    await db.query(
      `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, object_id, date,
         spend, impressions, reach, clicks, link_clicks, leads, currency, attribution_setting)
       SELECT organisation_id, ad_account_id, 'account', ad_account_id, date,
         sum(spend), sum(impressions), (sum(reach) * 0.6)::bigint, sum(clicks), sum(link_clicks), sum(leads), 'USD', '7d_click_1d_view'
       FROM meta_insight_facts WHERE organisation_id = $1 AND ad_account_id = $2 AND level = 'campaign'
       GROUP BY organisation_id, ad_account_id, date`,
      [org, a.id],
    );
  }
  // Leads: a random ad of a random account, a random moment of the period.
  await db.query(
    `INSERT INTO leads (organisation_id, source, campaign_id, adset_id, ad_id, is_organic, is_test, status, premium_value, premium_currency, received_at)
     SELECT $1, 'meta_lead_ads', k.camp::text, k.adset::text, k.ad::text, r.o < 0.05, r.o >= 0.05 AND r.o < 0.06,
       st.status, CASE WHEN st.status = 'won' THEN round((200 + r.p * 2800)::numeric, 2) END,
       CASE WHEN st.status = 'won' THEN 'USD' END,
       ($2::date + 1)::timestamp AT TIME ZONE 'UTC' - r.t * ($3::int * interval '1 day')
     FROM generate_series(1, $4) i,
       LATERAL (SELECT random() AS o, random() AS p, random() AS t, random() AS s,
         1 + floor(random() * 2)::int AS acct, 1 + floor(random() * $5)::int AS c, 1 + floor(random() * $6)::int AS st,
         1 + floor(random() * $7)::int AS ai, i AS salt) r,
       LATERAL (SELECT r.acct::bigint * 1000000 + r.c AS camp, r.acct::bigint * 100000000 + r.c * 10000 + r.st * 100 AS adset,
         r.acct::bigint * 100000000 + r.c * 10000 + r.st * 100 + r.ai AS ad) k,
       LATERAL (SELECT (CASE WHEN r.s < 0.40 THEN 'new' WHEN r.s < 0.60 THEN 'contacted' WHEN r.s < 0.75 THEN 'qualified'
         WHEN r.s < 0.85 THEN 'quoted' WHEN r.s < 0.95 THEN 'won' ELSE 'lost' END)::lead_status AS status) st`,
    [org, until, size.days, size.leads, size.campaigns, size.adsetsPerCampaign, size.adsPerAdset],
  );
  await db.query(`VACUUM ANALYZE meta_insight_facts`);
  await db.query(`VACUUM ANALYZE leads`);
  await db.query(`ANALYZE meta_campaigns`);
  const [{ n }] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM meta_insight_facts`)).rows;
  return { until, factRows: Number(n) };
}

/**
 * The baseline: one hand-written statement per view computing the same numbers from the same tables, sent over one
 * open connection. Written as well as the product's own (the leads of the range read first, by time, then joined with
 * their campaigns and each account's bounds): the plain join lets the planner walk each campaign's whole lead
 * history, 2 s instead of a fraction of that, which would make any product look fast next to it. Summary: per day of the range and the previous period, the facts (campaign level) and the leads'
 * outcomes on the account's local day. Table: the campaigns of the range, their facts and outcomes, sorted by spend,
 * first page of 50.
 */
const DIRECT_SUMMARY = `
  WITH tz AS (
    SELECT ad_account_id, timezone, $2::date::timestamp AT TIME ZONE timezone AS first_instant,
      ($3::date + 1)::timestamp AT TIME ZONE timezone AS end_instant
    FROM meta_insight_accounts WHERE organisation_id = $1),
  lr AS MATERIALIZED (
    SELECT campaign_id, status, premium_value, received_at FROM leads
    WHERE organisation_id = $1 AND NOT is_organic AND NOT is_test AND campaign_id IS NOT NULL
      AND received_at >= ($2::date - 1)::timestamp AT TIME ZONE 'UTC' AND received_at < ($3::date + 2)::timestamp AT TIME ZONE 'UTC'),
  f AS (
    SELECT date, sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks, sum(leads) AS meta_leads
    FROM meta_insight_facts
    WHERE organisation_id = $1 AND level = 'campaign' AND breakdown = 'none' AND date BETWEEN $2::date AND $3::date
    GROUP BY date),
  o AS (
    SELECT (l.received_at AT TIME ZONE tz.timezone)::date AS date, count(*) AS stored,
      count(*) FILTER (WHERE l.status IN ('qualified', 'quoted', 'won')) AS qualified,
      count(*) FILTER (WHERE l.status = 'won') AS won, sum(l.premium_value) FILTER (WHERE l.status = 'won') AS premium
    FROM lr l
    JOIN meta_campaigns c ON c.organisation_id = $1 AND c.campaign_id = l.campaign_id
    JOIN tz ON tz.ad_account_id = c.ad_account_id
    WHERE l.received_at >= tz.first_instant AND l.received_at < tz.end_instant
    GROUP BY 1)
  SELECT COALESCE(f.date, o.date) AS date, f.spend, f.impressions, f.clicks, f.meta_leads, o.stored, o.qualified, o.won, o.premium
  FROM f FULL JOIN o ON o.date = f.date ORDER BY 1`;

const DIRECT_TABLE = `
  WITH tz AS (
    SELECT ad_account_id, timezone, $2::date::timestamp AT TIME ZONE timezone AS first_instant,
      ($3::date + 1)::timestamp AT TIME ZONE timezone AS end_instant
    FROM meta_insight_accounts WHERE organisation_id = $1),
  lr AS MATERIALIZED (
    SELECT campaign_id, status, premium_value, received_at FROM leads
    WHERE organisation_id = $1 AND NOT is_organic AND NOT is_test AND campaign_id IS NOT NULL
      AND received_at >= ($2::date - 1)::timestamp AT TIME ZONE 'UTC' AND received_at < ($3::date + 2)::timestamp AT TIME ZONE 'UTC'),
  f AS (
    SELECT ad_account_id, object_id, sum(spend) AS spend, sum(impressions) AS impressions, sum(clicks) AS clicks,
      sum(link_clicks) AS link_clicks, sum(leads) AS meta_leads
    FROM meta_insight_facts
    WHERE organisation_id = $1 AND level = 'campaign' AND breakdown = 'none' AND date BETWEEN $2::date AND $3::date
    GROUP BY ad_account_id, object_id),
  o AS (
    SELECT l.campaign_id, count(*) AS stored, count(*) FILTER (WHERE l.status IN ('qualified', 'quoted', 'won')) AS qualified,
      count(*) FILTER (WHERE l.status = 'won') AS won, COALESCE(sum(l.premium_value) FILTER (WHERE l.status = 'won'), 0) AS premium
    FROM lr l
    JOIN meta_campaigns c ON c.organisation_id = $1 AND c.campaign_id = l.campaign_id
    JOIN tz ON tz.ad_account_id = c.ad_account_id
    WHERE l.received_at >= tz.first_instant AND l.received_at < tz.end_instant
    GROUP BY l.campaign_id)
  SELECT f.*, c.name, o.stored, o.qualified, o.won, o.premium, f.spend / NULLIF(o.stored, 0) AS cpl,
    (COALESCE(o.premium, 0) - f.spend) / NULLIF(f.spend, 0) AS roi
  FROM f LEFT JOIN o ON o.campaign_id = f.object_id
  LEFT JOIN meta_campaigns c ON c.organisation_id = $1 AND c.campaign_id = f.object_id
  ORDER BY f.spend DESC LIMIT 50`;

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function time(run: () => Promise<unknown>, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await run();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return out;
}

/**
 * The dashboard's two reads for a 90-day range, through the product's HTTP API (signed in, as the console asks
 * them), against the direct statements on the same database; alternated in rounds so neither gets a warmer cache.
 * Also checks that both answer the same numbers.
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = `≥ ${RATIO_TARGET * 100} % of the direct SQL query's speed (p50), summary and campaign table`;
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: meta-insights is not in the build'] }];
  const size: Size = settings.quick
    ? { campaigns: 5, adsetsPerCampaign: 4, adsPerAdset: 5, days: 180, leads: 20_000, rangeDays: 90, samples: 15 }
    : { campaigns: 20, adsetsPerCampaign: 5, adsPerAdset: 10, days: 730, leads: 500_000, rangeDays: 90, samples: 40 };
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({ role: 'api', logLevel: 'warn' });
    const direct = new Client({ connectionString: product.databaseUrl });
    await direct.connect();
    try {
      const [{ organisation_id: org }] = (
        await direct.query<{ organisation_id: string }>(
          `SELECT m.organisation_id FROM organisation_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
          [BENCH_ADMIN.email],
        )
      ).rows;
      const seeding = Date.now();
      const { until, factRows } = await seed(direct, org, size);
      const seedSeconds = (Date.now() - seeding) / 1000;
      const since = new Date(Date.parse(`${until}T00:00:00Z`) - (size.rangeDays - 1) * 86_400_000).toISOString().slice(0, 10);
      const previousSince = new Date(Date.parse(`${since}T00:00:00Z`) - size.rangeDays * 86_400_000).toISOString().slice(0, 10);

      const login = await fetch(`${product.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(BENCH_ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const get = async <T = unknown>(path: string): Promise<T> => {
        const res = await fetch(`${product!.url}/v1/integrations/meta/${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
        if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
        return (await res.json()) as T;
      };
      const summaryPath = `insights/summary?since=${since}&until=${until}`;
      const tablePath = `insights?since=${since}&until=${until}&level=campaign&sort=spend&limit=50`;
      const directSummary = () => direct.query<{ date: Date } & Record<string, unknown>>(DIRECT_SUMMARY, [org, previousSince, until]);
      const directTable = () => direct.query<{ object_id: string; stored: string }>(DIRECT_TABLE, [org, since, until]);

      // Same numbers: spend, stored leads, won and premium of the range; the first campaign's.
      const apiSummary = await get<InsightsSummaryDto>(summaryPath);
      const days = (await directSummary()).rows.filter((r) => r.date >= new Date(`${since}T00:00:00Z`));
      const sum = (k: string) => days.reduce((s, r) => s + Number(r[k] ?? 0), 0);
      const apiTable = await get<InsightsPage>(tablePath);
      const sqlTable = (await directTable()).rows;
      const agree =
        Math.abs(apiSummary.totals.spend - sum('spend')) < 0.01 &&
        apiSummary.totals.storedLeads === sum('stored') &&
        apiSummary.totals.wonPolicies === sum('won') &&
        Math.abs(apiSummary.totals.premiumWon - sum('premium')) < 0.01 &&
        apiTable.items[0].objectId === sqlTable[0].object_id &&
        apiTable.items[0].metrics.storedLeads === Number(sqlTable[0].stored);

      // Warm-up, then rounds alternating product and baseline.
      await time(() => Promise.all([get(summaryPath), directSummary(), get(tablePath), directTable()]), 3);
      const samples = { apiSummary: [] as number[], sqlSummary: [] as number[], apiTable: [] as number[], sqlTable: [] as number[] };
      const rounds = 4;
      for (let r = 0; r < rounds; r++) {
        const n = Math.ceil(size.samples / rounds);
        samples.sqlSummary.push(...(await time(directSummary, n)));
        samples.apiSummary.push(...(await time(() => get(summaryPath), n)));
        samples.apiTable.push(...(await time(() => get(tablePath), n)));
        samples.sqlTable.push(...(await time(directTable, n)));
      }
      const p = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
      const s = {
        apiSummary: p(samples.apiSummary),
        sqlSummary: p(samples.sqlSummary),
        apiTable: p(samples.apiTable),
        sqlTable: p(samples.sqlTable),
      };
      const summaryRatio = s.sqlSummary.p50 / s.apiSummary.p50;
      const tableRatio = s.sqlTable.p50 / s.apiTable.p50;
      const ms = (x: { p50: number; p95: number }) => `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
      return [
        {
          name: NAME,
          target,
          comparisons: [
            { label: 'summary p50', unit: 'ms', baseline: s.sqlSummary.p50, product: s.apiSummary.p50, ratio: summaryRatio },
            { label: 'campaign table p50', unit: 'ms', baseline: s.sqlTable.p50, product: s.apiTable.p50, ratio: tableRatio },
          ],
          pass: agree && summaryRatio >= RATIO_TARGET && tableRatio >= RATIO_TARGET,
          notes: [
            `${ACCOUNTS.length} ad accounts × ${size.campaigns * size.adsetsPerCampaign * size.adsPerAdset} ads × ${size.days} days: ${factRows.toLocaleString('en')} fact rows (ads, ad sets, campaigns, accounts); ${size.leads.toLocaleString('en')} leads; seeded in ${seedSeconds.toFixed(0)} s`,
            `range ${since} … ${until} (${size.rangeDays} days) and the previous period; ${samples.apiSummary.length} samples each, alternated in ${rounds} rounds`,
            `summary: API ${ms(s.apiSummary)}; direct SQL ${ms(s.sqlSummary)}`,
            `campaign table: API ${ms(s.apiTable)}; direct SQL ${ms(s.sqlTable)}`,
            `the API and the direct SQL ${agree ? 'agree' : 'DISAGREE'} on spend, stored leads, won policies, premium and the top campaign`,
          ],
        },
      ];
    } finally {
      await direct.end();
    }
  } finally {
    await product?.stop();
  }
}
