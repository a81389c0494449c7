import type { InsightBreakdown, InsightLevel } from '@legeai/contracts';
import { spendText, type FactRow } from '../pulls/insight-facts';
import type { PullUnit } from '../pulls/pull-units';

/** An insights row as the edge answers it: every metric a string (https://developers.facebook.com/docs/marketing-api/insights/). */
export interface GraphInsightRow {
  account_id?: string;
  campaign_id?: string;
  adset_id?: string;
  ad_id?: string;
  date_start: string;
  date_stop: string;
  spend?: string;
  impressions?: string;
  reach?: string;
  clicks?: string;
  inline_link_clicks?: string;
  actions?: { action_type: string; value: string }[];
  publisher_platform?: string;
  age?: string;
  gender?: string;
  region?: string;
}

/** The ids each level's rows carry: the object and its ancestors, nothing below it. */
export const ID_FIELDS: Record<InsightLevel, string[]> = {
  account: ['account_id'],
  campaign: ['account_id', 'campaign_id'],
  adset: ['account_id', 'campaign_id', 'adset_id'],
  ad: ['account_id', 'campaign_id', 'adset_id', 'ad_id'],
};
export const METRIC_FIELDS = ['spend', 'impressions', 'reach', 'clicks', 'inline_link_clicks', 'actions'];

/**
 * Meta's lead actions, in order of preference: `lead` is the total Ads Manager shows as "Leads" (on-Facebook and
 * pixel), the others are its parts, never added to it (https://developers.facebook.com/docs/marketing-api/reference/ads-action-stats/).
 * The first one present is the row's leads.
 */
export const LEAD_ACTION_TYPES = ['lead', 'onsite_conversion.lead_grouped', 'leadgen_grouped', 'offsite_conversion.fb_pixel_lead'];

export function leadsOf(row: GraphInsightRow): number {
  for (const type of LEAD_ACTION_TYPES) {
    const action = row.actions?.find((a) => a.action_type === type);
    if (action) return whole(action.value);
  }
  return 0;
}

function whole(value: string | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? Math.round(n) : 0;
}

/** `facebook`, `25-34 · female`, `California`. */
export function breakdownKeyOf(breakdown: InsightBreakdown, row: GraphInsightRow): string {
  switch (breakdown) {
    case 'none':
      return '';
    case 'platform':
      return row.publisher_platform ?? 'unknown';
    case 'age_gender':
      return `${row.age ?? 'unknown'} · ${row.gender ?? 'unknown'}`;
    case 'region':
      return row.region ?? 'unknown';
  }
}

export interface RowContext {
  organisationId: string;
  adAccountId: string;
  currency: string;
  attributionSetting: string | null;
}

/** One Graph row as a fact of the unit's level and breakdown. */
export function factOf(row: GraphInsightRow, unit: PullUnit, ctx: RowContext): FactRow {
  const ids = {
    campaignId: unit.level === 'account' ? null : (row.campaign_id ?? null),
    adsetId: unit.level === 'adset' || unit.level === 'ad' ? (row.adset_id ?? null) : null,
    adId: unit.level === 'ad' ? (row.ad_id ?? null) : null,
  };
  const objectId = unit.level === 'account' ? ctx.adAccountId : (ids.adId ?? ids.adsetId ?? ids.campaignId);
  if (!objectId) throw new Error(`An insights row of level ${unit.level} came without its object id`);
  return {
    organisationId: ctx.organisationId,
    adAccountId: ctx.adAccountId,
    level: unit.level,
    breakdown: unit.breakdown,
    objectId,
    date: row.date_start,
    breakdownKey: breakdownKeyOf(unit.breakdown, row),
    ...ids,
    spend: spendText(row.spend ?? '0'),
    impressions: whole(row.impressions),
    reach: row.reach === undefined ? null : whole(row.reach),
    clicks: whole(row.clicks),
    linkClicks: whole(row.inline_link_clicks),
    leads: leadsOf(row),
    currency: ctx.currency,
    attributionSetting: ctx.attributionSetting,
  };
}

/** `[{CLICK_THROUGH, 7}, {VIEW_THROUGH, 1}]` → `7d_click_1d_view` and its windows `["7d_click", "1d_view"]`. */
export function attributionOf(spec: { event_type?: string; window_days?: number | string }[] | undefined): {
  name: string | null;
  windows: string[];
} {
  const kinds: Record<string, string> = { CLICK_THROUGH: 'click', VIEW_THROUGH: 'view', ENGAGED_VIDEO_VIEW: 'ev' };
  const windows = (spec ?? [])
    .filter((entry) => entry.event_type && kinds[entry.event_type] && Number(entry.window_days) > 0)
    .map((entry) => `${Number(entry.window_days)}d_${kinds[entry.event_type!]}`);
  return { name: windows.length ? windows.join('_') : null, windows };
}
