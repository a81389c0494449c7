import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { AdSetRecord } from '../marketing-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { adsetEffectiveStatus } from '../ad-status';
import { listFilter } from '../list-filters';
import { issuesInfo } from '../issues-info';
import { createAdSet, deleteAdSet, updateAdSet } from './adset-writes';

/** An ad set (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/). */
export const adsetNode: NodeTypeSpec<AdSetRecord> = {
  type: 'AdSet',
  load: (id, world) => marketing(world).adsets.get(id),
  idOf: (adset) => adset.id,
  visible: (adset, ctx) => canSeeAdAccount(ctx, adset.accountId),
  access: ADS_READ,
  usage: (adset) => adsManagementUsage(adset.accountId),
  defaultFields: ['id'],
  fields: {
    id: (a) => a.id,
    account_id: (a) => a.accountId,
    campaign_id: (a) => a.campaignId,
    name: (a) => a.name,
    status: (a) => a.status,
    configured_status: (a) => a.status,
    effective_status: (a, ctx) => adsetEffectiveStatus(ctx.world, a),
    optimization_goal: (a) => a.optimizationGoal,
    billing_event: (a) => a.billingEvent,
    destination_type: (a) => a.destinationType,
    promoted_object: (a) => a.promotedObject,
    targeting: (a) => a.targeting,
    attribution_spec: (a) => a.attributionSpec,
    issues_info: (a) => issuesInfo(a.issues, 'AD_SET', a.id),
    daily_budget: (a) => a.dailyBudget,
    lifetime_budget: (a) => a.lifetimeBudget,
    budget_remaining: (a) => a.dailyBudget ?? a.lifetimeBudget ?? '0',
    bid_amount: (a) => a.bidAmount,
    bid_strategy: (a) => a.bidStrategy,
    start_time: (a) => graphTime(a.startTime),
    end_time: (a) => (a.endTime === undefined ? undefined : graphTime(a.endTime)),
    created_time: (a) => graphTime(a.createdTime),
    updated_time: (a) => graphTime(a.updatedTime),
    campaign: { nodeType: 'Campaign', get: (a, ctx) => marketing(ctx.world).campaigns.get(a.campaignId) },
  },
  edges: {
    ads: {
      list: {
        itemType: 'Ad',
        maxLimit: 500,
        items: (adset, ctx, modifiers) => {
          const keep = listFilter(ctx, modifiers, 'ad');
          return (marketing(ctx.world).index.adsByAdset.get(adset.id) ?? []).filter(keep);
        },
      },
    },
  },
  update: { access: ADS_WRITE, handle: (ctx, adset) => updateAdSet(ctx, adset) },
  remove: { access: ADS_WRITE, handle: (ctx, adset) => deleteAdSet(ctx, adset) },
};

export function registerAdSets(registry: GraphRegistry): void {
  registry.node(adsetNode);
  registry.edge<AdAccountRecord>('AdAccount', 'adsets', {
    list: {
      itemType: 'AdSet',
      maxLimit: 500,
      items: (account, ctx, modifiers) => {
        const keep = listFilter(ctx, modifiers, 'adset');
        return (marketing(ctx.world).index.adsetsByAccount.get(account.accountId) ?? []).filter(keep);
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createAdSet(ctx, account) },
  });
}
