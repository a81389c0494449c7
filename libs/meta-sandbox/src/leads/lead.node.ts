import type { NodeTypeSpec } from '../core/graph-registry';
import type { LeadRecord } from '../world/types';
import { graphTime } from '../core/clock';
import { GraphErrors } from '../core/graph-errors';
import { LEAD_ACCESS, canSeePageLeads, leadReader, leadgenUsage } from './lead-access';
import { isExpired } from './lead-retention';

/** Ad fields also need `ads_management` (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */
const adField = (get: (lead: LeadRecord) => string | undefined) => ({ permissions: ['ads_management'], get });

/**
 * A lead (`/{leadgen-id}`), as delivered by webhooks and listed under forms
 * (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving).
 */
export const leadNode: NodeTypeSpec<LeadRecord> = {
  type: 'Lead',
  load: (id, world) => world.leads.get(id),
  idOf: (lead) => lead.id,
  visible: (lead, ctx) =>
    !isExpired(lead, ctx.runtime.clock.now()) && canSeePageLeads(ctx, lead.pageId) && leadReader(ctx, lead.pageId)(lead),
  access: LEAD_ACCESS,
  usage: (lead) => leadgenUsage(lead.pageId),
  defaultFields: ['created_time', 'id', 'field_data'],
  fields: {
    id: (lead) => lead.id,
    created_time: (lead) => graphTime(lead.createdTime),
    form_id: (lead) => lead.formId,
    field_data: (lead) => lead.fieldData,
    custom_disclaimer_responses: (lead) => lead.disclaimerResponses,
    is_organic: (lead) => lead.isOrganic,
    platform: (lead) => lead.platform,
    partner_name: () => null,
    retailer_item_id: () => null,
    ad_id: adField((lead) => lead.ad?.adId),
    ad_name: adField((lead) => lead.ad?.adName),
    adset_id: adField((lead) => lead.ad?.adsetId),
    adset_name: adField((lead) => lead.ad?.adsetName),
    campaign_id: adField((lead) => lead.ad?.campaignId),
    campaign_name: adField((lead) => lead.ad?.campaignName),
  },
  /** Test leads can be deleted so that a new one can be created; real leads cannot. */
  remove: {
    handle: (ctx, lead) => {
      if (!lead.isTest) throw GraphErrors.unsupportedRequest('DELETE', lead.id);
      ctx.world.leads.delete(lead.id);
      ctx.world.unregister(lead.id);
      return { success: true };
    },
  },
};
