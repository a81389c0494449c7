import type { InsightBreakdown, InsightLevel } from '@legeai/contracts';
import { DataSource } from 'typeorm';

/**
 * Insight facts and the accounts' insight state straight in the tables, as the insights pull stores them: the read
 * side's tests are about the join and the API, not the pull.
 */
export interface FactSeed {
  adAccountId: string;
  level: InsightLevel;
  objectId: string;
  date: string;
  breakdown?: InsightBreakdown;
  breakdownKey?: string;
  campaignId?: string | null;
  adsetId?: string | null;
  adId?: string | null;
  spend?: number;
  impressions?: number;
  reach?: number | null;
  clicks?: number;
  linkClicks?: number;
  leads?: number;
  currency?: string;
}

export async function insertInsightAccount(
  ds: DataSource,
  organisationId: string,
  adAccountId: string,
  timezone: string,
  currency: string,
  dataAsOf: Date | null = null,
): Promise<void> {
  await ds.query(
    `INSERT INTO meta_insight_accounts (organisation_id, ad_account_id, timezone, currency, attribution_setting, data_as_of)
     VALUES ($1, $2, $3, $4, '7d_click_1d_view', $5)`,
    [organisationId, adAccountId, timezone, currency, dataAsOf],
  );
}

export async function insertFacts(ds: DataSource, organisationId: string, facts: FactSeed[]): Promise<void> {
  for (const f of facts) {
    await ds.query(
      `INSERT INTO meta_insight_facts (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key,
         campaign_id, adset_id, ad_id, spend, impressions, reach, clicks, link_clicks, leads, currency, attribution_setting)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, '7d_click_1d_view')`,
      [
        organisationId,
        f.adAccountId,
        f.level,
        f.breakdown ?? 'none',
        f.objectId,
        f.date,
        f.breakdownKey ?? '',
        f.campaignId ?? (f.level === 'campaign' ? f.objectId : null),
        f.adsetId ?? (f.level === 'adset' ? f.objectId : null),
        f.adId ?? (f.level === 'ad' ? f.objectId : null),
        f.spend ?? 0,
        f.impressions ?? 0,
        f.reach ?? null,
        f.clicks ?? 0,
        f.linkClicks ?? 0,
        f.leads ?? 0,
        f.currency ?? 'USD',
      ],
    );
  }
}

/** A campaign in the MetaAds mirror, for its name. */
export async function insertMirrorCampaign(
  ds: DataSource,
  organisationId: string,
  adAccountId: string,
  campaignId: string,
  name: string,
): Promise<void> {
  await ds.query(
    `INSERT INTO meta_campaigns (organisation_id, ad_account_id, campaign_id, name, status, effective_status, objective, synced_at)
     VALUES ($1, $2, $3, $4, 'ACTIVE', 'ACTIVE', 'OUTCOME_LEADS', now())`,
    [organisationId, adAccountId, campaignId, name],
  );
}
