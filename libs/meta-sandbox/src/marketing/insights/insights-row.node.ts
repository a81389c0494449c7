import type { NodeTypeSpec } from '../../core/graph-registry';
import type { InsightsRow } from './insights-report';
import { periodReach } from './insights-report';

/**
 * Major units with the currency's decimals: insights spend is a decimal string, unlike budgets
 * (https://developers.facebook.com/docs/marketing-api/insights).
 */
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'TWD', 'HUF', 'PYG', 'UGX']);
const decimals = (row: InsightsRow): number => (ZERO_DECIMAL.has(row.account.currency) ? 0 : 2);
const major = (row: InsightsRow): number => row.totals.spendMinor / 10 ** decimals(row);
const ratio = (value: number, by: number): string | undefined => (by > 0 ? (value / by).toFixed(6) : undefined);

const LEAD_ACTIONS = ['lead', 'onsite_conversion.lead_grouped', 'leadgen_grouped'];
const CLICK_WINDOWS = ['1d_click', '7d_click', '28d_click'];

interface ActionCount {
  action_type: string;
  value: number;
  /** Per attribution window, for `action_attribution_windows`. */
  windows: Record<string, number>;
}

/**
 * Action counts by type; instant-form leads appear as `lead`, `onsite_conversion.lead_grouped` and
 * `leadgen_grouped` (https://developers.facebook.com/docs/marketing-api/insights/parameters/). A lead's `value`
 * follows the attribution setting asked for: each ad set's own with `use_unified_attribution_setting`, otherwise the
 * account's (7-day click, 1-day view). Leads are submitted minutes after the click, so all click windows agree;
 * 7- and 28-day view windows report nothing since 2026-01-12.
 */
function actions(row: InsightsRow): ActionCount[] {
  const t = row.totals;
  const clickLeads = t.leads - t.viewLeads;
  const leadValue = row.query.attribution === 'unified' ? t.unifiedLeads : t.leads;
  const onClick = (value: number) => Object.fromEntries(CLICK_WINDOWS.map((window) => [window, value]));
  const list: ActionCount[] = [
    { action_type: 'link_click', value: t.linkClicks, windows: onClick(t.linkClicks) },
    { action_type: 'post_engagement', value: t.postEngagement, windows: onClick(t.postEngagement) },
    { action_type: 'page_engagement', value: t.postEngagement, windows: onClick(t.postEngagement) },
    { action_type: 'video_view', value: t.videoViews, windows: onClick(t.videoViews) },
    { action_type: 'landing_page_view', value: t.landingPageViews, windows: onClick(t.landingPageViews) },
    ...LEAD_ACTIONS.map((type) => ({ action_type: type, value: leadValue, windows: { ...onClick(clickLeads), '1d_view': t.viewLeads } })),
  ];
  return list.filter((entry) => entry.value > 0);
}

function renderAction(row: InsightsRow, entry: ActionCount, value: (count: number) => string) {
  const out: Record<string, string> = { action_type: entry.action_type, value: value(entry.value) };
  for (const window of row.query.attributionWindows) {
    const count = window === 'default' || window === 'dda' ? entry.value : entry.windows[window];
    if (count !== undefined && count > 0) out[window] = value(count);
  }
  return out;
}

const reachField = (get: (row: InsightsRow, reach: number) => string | undefined) => (row: InsightsRow) =>
  row.omitReach ? undefined : get(row, periodReach(row.totals));

/**
 * One insights row, rendered with the caller's `fields`. All metrics are strings
 * (https://developers.facebook.com/docs/marketing-api/insights); `date_start`, `date_stop` and the requested
 * breakdowns come back whatever `fields` says.
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
    attribution_setting: (row) => (row.query.attribution === 'unified' && row.adset ? attributionName(row) : '7d_click_1d_view'),
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
    actions: (row) => actions(row).map((entry) => renderAction(row, entry, String)),
    cost_per_action_type: (row) => actions(row).map((entry) => renderAction(row, entry, (count) => (major(row) / count).toFixed(6))),
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

/** `attribution_setting` as Meta names an ad set's windows (`7d_click_1d_view`, `1d_click`, …). */
function attributionName(row: InsightsRow): string {
  const spec = row.adset!.attributionSpec;
  const click = spec.find((entry) => entry.event_type === 'CLICK_THROUGH');
  const view = spec.find((entry) => entry.event_type === 'VIEW_THROUGH');
  return [click && `${click.window_days}d_click`, view && `${view.window_days}d_view`].filter(Boolean).join('_');
}
