import type { GraphContext } from '../core/graph-context';
import type { AdRecord, AdSetRecord, CampaignRecord } from './marketing-state';
import { GraphErrors } from '../core/graph-errors';
import { DATE_PRESETS, parseTimeRange } from './insights/insights-dates';
import { adEffectiveStatus, adsetEffectiveStatus, campaignEffectiveStatus, EFFECTIVE_STATUSES } from './ad-status';
import { isObject, parseEnum, parseJson, parseList } from './marketing-params';

/**
 * The parameters of `/act_{id}/campaigns`, `/adsets`, `/ads` and of the same edges under a campaign or ad set
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/,
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/ads/):
 * - `effective_status=["ACTIVE","PAUSED"]`; without it (or an effective_status `filtering`) deleted and archived
 *   objects are left out;
 * - `filtering=[{"field":"ad.updated_time","operator":"GREATER_THAN","value":1764300000}]`, fields with or without
 *   the entity prefix, as incremental syncs send them;
 * - `updated_since` (unix seconds; ad sets and ads), `is_completed` (campaigns and ad sets: the schedule ended);
 * - `date_preset` / `time_range` only choose the days nested `insights` add up, so they are checked, not applied.
 */
export type Entity = 'campaign' | 'adset' | 'ad';
type MarketingObject = CampaignRecord | AdSetRecord | AdRecord;

interface Filter {
  field: string;
  operator: string;
  value: unknown;
}

const OPERATORS = [
  'EQUAL',
  'NOT_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'IN_RANGE',
  'NOT_IN_RANGE',
  'CONTAIN',
  'NOT_CONTAIN',
  'IN',
  'NOT_IN',
  'STARTS_WITH',
  'ENDS_WITH',
];

/** Fields the sandbox can filter on, per entity (the prefix is the entity's own or a parent's). */
const FIELDS: Record<Entity, string[]> = {
  campaign: ['id', 'name', 'effective_status', 'configured_status', 'objective', 'updated_time', 'created_time'],
  adset: ['id', 'name', 'effective_status', 'configured_status', 'updated_time', 'created_time', 'campaign.id', 'optimization_goal'],
  ad: ['id', 'name', 'effective_status', 'configured_status', 'updated_time', 'created_time', 'campaign.id', 'adset.id'],
};

const TIME_FIELDS = new Set(['updated_time', 'created_time']);

function parseFiltering(raw: string | undefined, entity: Entity): Filter[] {
  if (raw === undefined || raw.trim() === '') return [];
  const value = parseJson(raw, 'filtering');
  if (!Array.isArray(value)) throw GraphErrors.invalidParameter('Param filtering must be a JSON-encoded array of {field, operator, value}');
  return value.map((entry, i) => {
    if (!isObject(entry) || typeof entry['field'] !== 'string' || typeof entry['operator'] !== 'string') {
      throw GraphErrors.invalidParameter(`filtering[${i}] must be an object with field, operator and value`);
    }
    const field = entry['field'].startsWith(`${entity}.`) ? entry['field'].slice(entity.length + 1) : entry['field'];
    if (!FIELDS[entity].includes(field)) {
      throw GraphErrors.invalidParameter(
        `Filtering field '${entry['field']}' with operation '${entry['operator'].toLowerCase()}' is not supported`,
      );
    }
    parseEnum(entry['operator'], `filtering[${i}].operator`, OPERATORS);
    if (['IN', 'NOT_IN', 'IN_RANGE', 'NOT_IN_RANGE'].includes(entry['operator']) && !Array.isArray(entry['value'])) {
      throw GraphErrors.invalidParameter(`filtering[${i}].value must be an array for operator ${entry['operator']}`);
    }
    if (field === 'effective_status' || field === 'configured_status') {
      const values = Array.isArray(entry['value']) ? entry['value'] : [entry['value']];
      for (const status of values) parseEnum(String(status), `filtering[${i}].value`, EFFECTIVE_STATUSES);
    }
    return { field, operator: entry['operator'], value: entry['value'] };
  });
}

function compare(actual: string | number, operator: string, expected: unknown): boolean {
  const list = Array.isArray(expected) ? expected.map(String) : [String(expected)];
  const asNumber = typeof actual === 'number';
  const other = (value: unknown) => (asNumber ? Number(value) : String(value));
  switch (operator) {
    case 'EQUAL':
      return actual === other(expected);
    case 'NOT_EQUAL':
      return actual !== other(expected);
    case 'GREATER_THAN':
      return actual > other(expected);
    case 'GREATER_THAN_OR_EQUAL':
      return actual >= other(expected);
    case 'LESS_THAN':
      return actual < other(expected);
    case 'LESS_THAN_OR_EQUAL':
      return actual <= other(expected);
    case 'IN_RANGE':
      return actual >= other(list[0]) && actual <= other(list[1]);
    case 'NOT_IN_RANGE':
      return !(actual >= other(list[0]) && actual <= other(list[1]));
    case 'IN':
      return list.includes(String(actual));
    case 'NOT_IN':
      return !list.includes(String(actual));
    case 'CONTAIN':
      return String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'NOT_CONTAIN':
      return !String(actual).toLowerCase().includes(String(expected).toLowerCase());
    case 'STARTS_WITH':
      return String(actual).toLowerCase().startsWith(String(expected).toLowerCase());
    case 'ENDS_WITH':
      return String(actual).toLowerCase().endsWith(String(expected).toLowerCase());
  }
  return true;
}

function parseBoolean(raw: string | undefined, name: string): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw GraphErrors.invalidParameter(`Param ${name} must be a boolean`);
}

function parseUnixSeconds(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw GraphErrors.invalidParameter(`Param ${name} must be a unix timestamp in seconds`);
  return Number(raw);
}

export interface ListFilter {
  (object: MarketingObject): boolean;
}

/** Reads the edge's parameters once and answers a predicate for its objects; bad values are 100 errors. */
export function listFilter(ctx: GraphContext, modifiers: Record<string, string>, entity: Entity): ListFilter {
  const get = (name: string) => (modifiers[name] === undefined || modifiers[name] === '' ? undefined : modifiers[name]);
  const now = ctx.runtime.clock.now();
  const statuses = get('effective_status') === undefined ? undefined : new Set(parseList(get('effective_status')!, 'effective_status'));
  for (const status of statuses ?? []) parseEnum(status, 'effective_status[]', EFFECTIVE_STATUSES);
  const filters = parseFiltering(get('filtering'), entity);
  const updatedSince = entity === 'campaign' ? undefined : parseUnixSeconds(get('updated_since'), 'updated_since');
  const completed = entity === 'ad' ? undefined : parseBoolean(get('is_completed'), 'is_completed');
  const preset = get('date_preset');
  if (preset !== undefined) parseEnum(preset, 'date_preset', DATE_PRESETS);
  if (get('time_range') !== undefined) parseTimeRange(get('time_range')!);
  const explicitStatus = statuses !== undefined || filters.some((filter) => filter.field === 'effective_status');
  const state = ctx.world;
  const effective = (object: MarketingObject): string =>
    entity === 'campaign'
      ? campaignEffectiveStatus(object as CampaignRecord)
      : entity === 'adset'
        ? adsetEffectiveStatus(state, object as AdSetRecord)
        : adEffectiveStatus(state, object as AdRecord, now);
  const valueOf = (object: MarketingObject, field: string): string | number => {
    switch (field) {
      case 'effective_status':
        return effective(object);
      case 'configured_status':
        return object.status;
      case 'updated_time':
        return Math.floor(object.updatedTime / 1000);
      case 'created_time':
        return Math.floor(object.createdTime / 1000);
      case 'campaign.id':
        return (object as AdSetRecord | AdRecord).campaignId;
      case 'adset.id':
        return (object as AdRecord).adsetId;
      case 'objective':
        return (object as CampaignRecord).objective;
      case 'optimization_goal':
        return (object as AdSetRecord).optimizationGoal;
      case 'name':
        return object.name;
      default:
        return object.id;
    }
  };
  const endOf = (object: MarketingObject): number | undefined =>
    entity === 'campaign' ? (object as CampaignRecord).stopTime : (object as AdSetRecord).endTime;
  return (object) => {
    const status = effective(object);
    if (statuses ? !statuses.has(status) : !explicitStatus && (status === 'DELETED' || status === 'ARCHIVED')) return false;
    if (updatedSince !== undefined && Math.floor(object.updatedTime / 1000) < updatedSince) return false;
    if (completed !== undefined) {
      const end = endOf(object);
      if ((end !== undefined && end <= now) !== completed) return false;
    }
    return filters.every((filter) => {
      const actual = valueOf(object, filter.field);
      return compare(
        actual,
        filter.operator,
        TIME_FIELDS.has(filter.field) && typeof filter.value === 'string' && !/^\d+$/.test(filter.value)
          ? Math.floor(Date.parse(filter.value) / 1000)
          : filter.value,
      );
    });
  };
}
