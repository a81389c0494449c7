import type { NodeTypeSpec } from '../../core/graph-registry';
import type { InsightsRow } from './insights-report';
import { periodReach } from './insights-report';

/** Major units with the currency's decimals: insights spend is a decimal string, unlike budgets (notes §6.1). */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'TWD', 'HUF', 'PYG', 'UGX']);
const decimals = (row: InsightsRow): number => (ZERO_DECIMAL.has(row.account.currency) ? 0 : 2);
const major = (row: InsightsRow): number => row.totals.spendMinor / 10 ** decimals(row);
const ratio = (value: number, by: number): string | undefined => (by > 0 ? (value / by).toFixed(6) : undefined);

/** Action counts by type; instant-form leads appear as `lead`, `onsite_conversion.lead_grouped` and `leadgen_grouped`. */
function actions(row: InsightsRow): { action_type: string; value: number }[] {
  const t = row.totals;
  const list = [
    { action_type: 'link_click', value: t.linkClicks },
    { action_type: 'post_engagement', value: t.postEngagement },
    { action_type: 'page_engagement', value: t.postEngagement },
    { action_type: 'video_view', value: t.videoViews },
    { action_type: 'landing_page_view', value: t.landingPageViews },
    { action_type: 'lead', value: t.leads },
    { action_type: 'onsite_conversion.lead_grouped', value: t.leads },
    { action_type: 'leadgen_grouped', value: t.leads },
  ];
  return list.filter((entry) => entry.value > 0);
}

const reachField = (get: (row: InsightsRow, reach: number) => string | undefined) => (row: InsightsRow) =>
  row.omitReach ? undefined : get(row, periodReach(row.totals));

/**
 * One insights row, rendered with the caller's `fields`. All metrics are strings (notes §6.1); `date_start`,
 * `date_stop` and the requested breakdowns come back whatever `fields` says.
 */
export const insightsRowNode: NodeTypeSpec<InsightsRow> = {
  type: 'AdsInsights',
  load: () => undefined,
  idOf: (row) => row.key,
  // The row decides its default fields (async rows keep the job's `fields`), so they are added as always-fields.
  defaultFields: [],
  alwaysFields: (row, ctx) => [...(ctx.fields === undefined ? row.defaultFields : []), 'date_start', 'date_stop', ...row.breakdowns],
  fields: {
    account_id: (row) => row.account.accountId,
    account_name: (row) => row.account.name,
    account_currency: (row) => row.account.currency,
    campaign_id: (row) => row.campaign?.id,
    campaign_name: (row) => row.campaign?.name,
    adset_id: (row) => row.adset?.id,
    adset_name: (row) => row.adset?.name,
    ad_id: (row) => row.ad?.id,
    ad_name: (row) => row.ad?.name,
    objective: (row) => row.campaign?.objective,
    optimization_goal: (row) => row.adset?.optimizationGoal,
    buying_type: (row) => row.campaign?.buyingType,
    impressions: (row) => String(row.totals.impressions),
    reach: reachField((_row, reach) => String(reach)),
    frequency: reachField((row, reach) => ratio(row.totals.impressions, reach)),
    cpp: reachField((row, reach) => ratio(major(row) * 1000, reach)),
    clicks: (row) => String(row.totals.clicks),
    inline_link_clicks: (row) => String(row.totals.linkClicks),
    inline_link_click_ctr: (row) => ratio(row.totals.linkClicks * 100, row.totals.impressions),
    cost_per_inline_link_click: (row) => ratio(major(row), row.totals.linkClicks),
    spend: (row) => major(row).toFixed(decimals(row)),
    ctr: (row) => ratio(row.totals.clicks * 100, row.totals.impressions),
    cpc: (row) => ratio(major(row), row.totals.clicks),
    cpm: (row) => ratio(major(row) * 1000, row.totals.impressions),
    actions: (row) => actions(row).map((entry) => ({ action_type: entry.action_type, value: String(entry.value) })),
    cost_per_action_type: (row) =>
      actions(row).map((entry) => ({ action_type: entry.action_type, value: (major(row) / entry.value).toFixed(6) })),
    date_start: (row) => row.dateStart,
    date_stop: (row) => row.dateStop,
    age: (row) => row.segment['age'],
    gender: (row) => row.segment['gender'],
    country: (row) => row.segment['country'],
    region: (row) => row.segment['region'],
    publisher_platform: (row) => row.segment['publisher_platform'],
    platform_position: (row) => row.segment['platform_position'],
    device_platform: (row) => row.segment['device_platform'],
    impression_device: (row) => row.segment['impression_device'],
  },
};
