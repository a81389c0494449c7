import type { World } from '../../world/world';
import type { AdRecord, AdSetRecord, CampaignRecord } from '../marketing-state';
import type { InsightsFilter, InsightsQuery, InsightsScope } from './insights-query';
import { localDate } from '../../core/time-zones';
import { marketing } from '../marketing-state';
import { deliveryWindows } from '../delivery-window';
import { compare } from './insights-compare';

/** One object at the report's level (an account, campaign, ad set or ad) with the ads whose numbers it adds up. */
export interface ReportObject {
  id: string;
  ads: AdRecord[];
  /** First and last local day any of its ads delivered: groups outside them are skipped without computing. */
  firstDay?: string;
  lastDay?: string;
  campaign?: CampaignRecord;
  adset?: AdSetRecord;
  ad?: AdRecord;
}

/** The objects at the requested level, each with its ads in scope, in id order. */
export function objectsOf(world: World, scope: InsightsScope, query: InsightsQuery): ReportObject[] {
  const state = marketing(world);
  const inScope = adsInScope(world, scope, query.filters);
  if (query.level === 'account') return inScope.length > 0 ? [{ id: scope.account.accountId, ads: inScope }] : [];
  const byObject = new Map<string, ReportObject>();
  for (const ad of inScope) {
    const id = query.level === 'campaign' ? ad.campaignId : query.level === 'adset' ? ad.adsetId : ad.id;
    let object = byObject.get(id);
    if (!object) {
      object = {
        id,
        ads: [],
        campaign: state.campaigns.get(ad.campaignId),
        adset: query.level === 'campaign' ? undefined : state.adsets.get(ad.adsetId),
        ad: query.level === 'ad' ? ad : undefined,
      };
      byObject.set(id, object);
    }
    object.ads.push(ad);
  }
  return [...byObject.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function adsInScope(world: World, scope: InsightsScope, filters: InsightsFilter[]): AdRecord[] {
  const state = marketing(world);
  const pool = scope.adId
    ? [state.ads.get(scope.adId)].filter((ad): ad is AdRecord => ad !== undefined)
    : scope.adsetId
      ? (state.index.adsByAdset.get(scope.adsetId) ?? [])
      : scope.campaignId
        ? (state.index.adsByCampaign.get(scope.campaignId) ?? [])
        : (state.index.adsByAccount.get(scope.account.accountId) ?? []);
  return pool.filter((ad) => ad.delivery && filters.every((filter) => entityMatches(filter, ad, state)));
}

function entityMatches(filter: InsightsFilter, ad: AdRecord, state: ReturnType<typeof marketing>): boolean {
  const [entity, attribute] = filter.field.split('.') as [string, string | undefined];
  if (!attribute) return true;
  const object = entity === 'campaign' ? state.campaigns.get(ad.campaignId) : entity === 'adset' ? state.adsets.get(ad.adsetId) : ad;
  const actual = object ? String(attribute === 'id' ? object.id : object.name) : '';
  return compare(actual, filter.operator, filter.value);
}

/** The local days a set of ads delivered on, from their delivery windows (and leads, which only come while they deliver). */
export function deliveryDays(world: World, ads: AdRecord[], zone: string, now: number): { firstDay?: string; lastDay?: string } {
  let first = Infinity;
  let last = -Infinity;
  for (const ad of ads) {
    for (const span of deliveryWindows(world, ad)) {
      first = Math.min(first, span.from);
      last = Math.max(last, Math.min(span.to ?? now, now));
    }
  }
  if (first === Infinity || first > now) return {};
  return { firstDay: localDate(first, zone), lastDay: localDate(last, zone) };
}
