import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord, LeadRecord } from '../../world/types';
import type { AdRecord } from '../marketing-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { LEAD_ACCESS, canSeePageLeads } from '../../leads/lead-access';
import { isExpired } from '../../leads/lead-retention';
import { applyLeadFiltering, parseLeadFiltering } from '../../leads/lead-filtering';
import { marketing } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { adEffectiveStatus } from '../ad-status';
import { listFilter } from '../list-filters';
import { issuesInfo } from '../issues-info';
import { createAd, deleteAd, updateAd } from './ad-writes';

/** An ad (https://developers.facebook.com/docs/marketing-api/reference/adgroup/). */
export const adNode: NodeTypeSpec<AdRecord> = {
  type: 'Ad',
  load: (id, world) => marketing(world).ads.get(id),
  idOf: (ad) => ad.id,
  visible: (ad, ctx) => canSeeAdAccount(ctx, ad.accountId),
  access: ADS_READ,
  usage: (ad) => adsManagementUsage(ad.accountId),
  defaultFields: ['id'],
  fields: {
    id: (ad) => ad.id,
    account_id: (ad) => ad.accountId,
    campaign_id: (ad) => ad.campaignId,
    adset_id: (ad) => ad.adsetId,
    name: (ad) => ad.name,
    status: (ad) => ad.status,
    configured_status: (ad) => ad.status,
    effective_status: (ad, ctx) => adEffectiveStatus(ctx.world, ad, ctx.runtime.clock.now()),
    // Filled once a review refused the ad: policy → what the reviewer says.
    ad_review_feedback: (ad, ctx) =>
      ad.review.verdict === 'DISAPPROVED' && ctx.runtime.clock.now() >= ad.review.decidedAt
        ? { global: ad.review.feedback ?? {} }
        : undefined,
    issues_info: (ad) => issuesInfo(ad.issues, 'AD', ad.id),
    preview_shareable_link: (ad, ctx) => `${ctx.baseUrl}/ads/preview/?ad_id=${ad.id}`,
    created_time: (ad) => graphTime(ad.createdTime),
    updated_time: (ad) => graphTime(ad.updatedTime),
    creative: { nodeType: 'AdCreative', get: (ad, ctx) => marketing(ctx.world).creatives.get(ad.creativeId) },
    adset: { nodeType: 'AdSet', get: (ad, ctx) => marketing(ctx.world).adsets.get(ad.adsetId) },
    campaign: { nodeType: 'Campaign', get: (ad, ctx) => marketing(ctx.world).campaigns.get(ad.campaignId) },
  },
  edges: {
    adcreatives: {
      list: {
        itemType: 'AdCreative',
        items: (ad, ctx) => [marketing(ctx.world).creatives.get(ad.creativeId)].filter((creative) => creative !== undefined),
      },
    },
    // `/{ad-id}/leads` (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving/): the leads
    // this ad brought, newest first, with the form's `filtering`.
    leads: {
      list: {
        access: { ...LEAD_ACCESS, schedule: 'marketing' },
        itemType: 'Lead',
        maxLimit: 500,
        items: (ad, ctx) => {
          const now = ctx.runtime.clock.now();
          const leads: LeadRecord[] = [];
          for (const lead of ctx.world.leads.values()) {
            if (lead.ad?.adId === ad.id && !isExpired(lead, now) && canSeePageLeads(ctx, lead.pageId)) leads.push(lead);
          }
          leads.sort((a, b) => b.createdTime - a.createdTime || (a.id < b.id ? 1 : -1));
          return applyLeadFiltering(leads, parseLeadFiltering(ctx.params['filtering']));
        },
      },
    },
  },
  update: { access: ADS_WRITE, handle: (ctx, ad) => updateAd(ctx, ad) },
  remove: { access: ADS_WRITE, handle: (ctx, ad) => deleteAd(ctx, ad) },
};

export function registerAds(registry: GraphRegistry): void {
  registry.node(adNode);
  registry.edge<AdAccountRecord>('AdAccount', 'ads', {
    list: {
      itemType: 'Ad',
      maxLimit: 500,
      items: (account, ctx, modifiers) => {
        const keep = listFilter(ctx, modifiers, 'ad');
        return (marketing(ctx.world).index.adsByAccount.get(account.accountId) ?? []).filter(keep);
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createAd(ctx, account) },
  });
}
