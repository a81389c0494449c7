import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import { GraphErrors } from '../../core/graph-errors';
import { isObject, parseEnum, parseJson, parseList } from '../marketing-params';
import { parseBreakdowns } from './breakdowns';
import { DateRange, buckets, checkRetention, localDate, parseTimeRange, presetRange, reachCutoff } from './insights-dates';

export const LEVELS = ['account', 'campaign', 'adset', 'ad'] as const;
export type InsightsLevel = (typeof LEVELS)[number];

/** What an insights call is about: an account, or one campaign / ad set / ad inside it. */
export interface InsightsScope {
  account: AdAccountRecord;
  nodeLevel: InsightsLevel;
  campaignId?: string;
  adsetId?: string;
  adId?: string;
}

export interface InsightsFilter {
  field: string;
  operator: string;
  value: unknown;
}

/** Which attribution setting decides an action's `value` (https://developers.facebook.com/docs/marketing-api/insights/parameters/). */
export type AttributionSetting = 'default' | 'account' | 'unified';

export interface InsightsQuery {
  level: InsightsLevel;
  /** Per-window keys added next to each action's `value`. */
  attributionWindows: string[];
  attribution: AttributionSetting;
  range: DateRange;
  buckets: DateRange[];
  breakdowns: string[];
  filters: InsightsFilter[];
  /**
   * Reach, frequency and cpp are left out of sync queries with breakdowns starting over 13 months ago
   * (https://developers.facebook.com/docs/marketing-api/insights/breakdowns).
   */
  omitReach: boolean;
  /** The params as given, kept by async report runs. */
  params: Record<string, string>;
}

const ENTITY_FIELDS = ['campaign.id', 'adset.id', 'ad.id', 'campaign.name', 'adset.name', 'ad.name'];
const METRIC_FIELDS = ['impressions', 'reach', 'clicks', 'spend', 'ctr', 'cpc', 'cpm', 'inline_link_clicks'];
const OPERATORS = [
  'EQUAL',
  'NOT_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'IN',
  'NOT_IN',
  'CONTAIN',
  'NOT_CONTAIN',
];

function parseFiltering(raw: string | undefined): InsightsFilter[] {
  if (raw === undefined) return [];
  const value = parseJson(raw, 'filtering');
  if (!Array.isArray(value)) throw GraphErrors.invalidParameter('filtering must be a JSON array of {field, operator, value}');
  return value.map((entry, i) => {
    if (!isObject(entry) || typeof entry['field'] !== 'string' || typeof entry['operator'] !== 'string') {
      throw GraphErrors.invalidParameter(`filtering[${i}] must be an object with field, operator and value`);
    }
    if (![...ENTITY_FIELDS, ...METRIC_FIELDS].includes(entry['field'])) {
      throw GraphErrors.invalidParameter(
        `filtering[${i}].field must be one of the following values: ${[...ENTITY_FIELDS, ...METRIC_FIELDS].join(', ')}`,
      );
    }
    parseEnum(entry['operator'], `filtering[${i}].operator`, OPERATORS);
    return { field: entry['field'], operator: entry['operator'], value: entry['value'] };
  });
}

export const ATTRIBUTION_WINDOWS = [
  '1d_click',
  '7d_click',
  '28d_click',
  '1d_view',
  '7d_view',
  '28d_view',
  '1d_ev',
  'dda',
  'default',
  '7d_view_first_conversion',
  '28d_view_first_conversion',
  '7d_view_all_conversions',
  '28d_view_all_conversions',
  'skan_click',
  'skan_view',
];
const ACTION_BREAKDOWNS = [
  'action_type',
  'action_device',
  'action_destination',
  'action_reaction',
  'action_target_id',
  'action_video_sound',
  'action_video_type',
];

function parseBoolean(raw: string | undefined, name: string): boolean {
  if (raw === undefined || raw === '') return false;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw GraphErrors.invalidParameter(`Param ${name} must be a boolean`);
}

/**
 * Reads `level`, `date_preset` / `time_range`, `time_increment`, `breakdowns`, `filtering` and the attribution
 * params (https://developers.facebook.com/docs/marketing-api/insights/parameters/). Nested `insights` inside an edge's `fields` take the edge's own `date_preset`/`time_range`
 * when they name none (`/act_{id}/campaigns?date_preset=last_7d&fields=insights{spend}`).
 */
export function parseInsightsQuery(ctx: GraphContext, params: Record<string, string>, scope: InsightsScope, async: boolean): InsightsQuery {
  const today = localDate(ctx.runtime.clock.now(), scope.account.timezoneName);
  const get = (name: string) => (params[name] === undefined || params[name] === '' ? undefined : params[name]);
  const outer = (name: string) => (ctx.params[name] === undefined || ctx.params[name] === '' ? undefined : ctx.params[name]);
  const level = parseEnum(get('level') ?? scope.nodeLevel, 'level', LEVELS) as InsightsLevel;
  const explicitRange = get('time_range') !== undefined || get('date_preset') !== undefined;
  const timeRange = explicitRange ? get('time_range') : outer('time_range');
  const preset = explicitRange ? get('date_preset') : outer('date_preset');
  const range = timeRange !== undefined ? parseTimeRange(timeRange) : presetRange(preset ?? 'last_30d', today);
  checkRetention(range, today);
  const breakdowns = parseBreakdowns(get('breakdowns'));
  const windows = get('action_attribution_windows') ? parseList(get('action_attribution_windows')!, 'action_attribution_windows') : [];
  for (const windowName of windows) parseEnum(windowName, 'action_attribution_windows[]', ATTRIBUTION_WINDOWS);
  for (const name of get('action_breakdowns') ? parseList(get('action_breakdowns')!, 'action_breakdowns') : []) {
    parseEnum(name, 'action_breakdowns[]', ACTION_BREAKDOWNS);
  }
  const useAccount = parseBoolean(get('use_account_attribution_setting'), 'use_account_attribution_setting');
  const useUnified = parseBoolean(get('use_unified_attribution_setting'), 'use_unified_attribution_setting');
  return {
    level,
    attributionWindows: [...new Set(windows)],
    attribution: useUnified ? 'unified' : useAccount ? 'account' : 'default',
    range,
    buckets: buckets(range, get('time_increment')),
    breakdowns,
    filters: parseFiltering(get('filtering')),
    omitReach: !async && breakdowns.length > 0 && range.since < reachCutoff(today),
    params: { ...params },
  };
}

/** The params an insights call takes, without the token and proof. */
export function insightsParams(ctx: GraphContext): Record<string, string> {
  const { access_token: _token, appsecret_proof: _proof, appsecret_time: _time, ...rest } = ctx.params;
  return rest;
}
