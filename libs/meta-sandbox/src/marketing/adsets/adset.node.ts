import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { AdSetRecord } from '../marketing-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { adEffectiveStatus, adsetEffectiveStatus, statusFilter } from '../ad-status';
import { createAdSet, deleteAdSet, updateAdSet } from './adset-writes';

/** An ad set (notes §5.2). */
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
        items: (adset, ctx, modifiers) => {
          const keep = statusFilter(modifiers);
          return [...marketing(ctx.world).ads.values()].filter((ad) => ad.adsetId === adset.id && keep(adEffectiveStatus(ctx.world, ad)));
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
        const keep = statusFilter(modifiers);
        return [...marketing(ctx.world).adsets.values()].filter(
          (adset) => adset.accountId === account.accountId && keep(adsetEffectiveStatus(ctx.world, adset)),
        );
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createAdSet(ctx, account) },
  });
}
