import type { LeadRecord } from '../world/types';

export interface LeadgenChange {
  pageId: string;
  value: Record<string, string | number>;
}

/**
 * The `value` of a `leadgen` change: ids only, never answers
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). Ad ids are absent for organic
 * leads.
 */
export function leadgenChange(lead: LeadRecord): LeadgenChange {
  const value: Record<string, string | number> = {};
  if (lead.ad) value['ad_id'] = lead.ad.adId;
  value['form_id'] = lead.formId;
  value['leadgen_id'] = lead.id;
  value['created_time'] = Math.floor(lead.createdTime / 1000);
  value['page_id'] = lead.pageId;
  if (lead.ad) value['adgroup_id'] = lead.ad.adId;
  return { pageId: lead.pageId, value };
}

/** Groups changes into `entry[]` per Page: `{"object":"page","entry":[{id,time,changes:[…]}]}`. */
export function pagePayload(changes: LeadgenChange[], nowSeconds: number, includeValues: boolean): Record<string, unknown> {
  const byPage = new Map<string, LeadgenChange[]>();
  for (const change of changes) byPage.set(change.pageId, [...(byPage.get(change.pageId) ?? []), change]);
  return {
    object: 'page',
    entry: [...byPage.entries()].map(([pageId, pageChanges]) =>
      includeValues
        ? { id: pageId, time: nowSeconds, changes: pageChanges.map((change) => ({ field: 'leadgen', value: change.value })) }
        : { id: pageId, time: nowSeconds, changed_fields: ['leadgen'] },
    ),
  };
}
