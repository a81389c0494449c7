import type { GraphRegistry, NodeTypeSpec } from '../../core/graph-registry';
import type { AdAccountRecord } from '../../world/types';
import type { CampaignRecord } from '../marketing-state';
import { graphTime } from '../../core/clock';
import { canSeeAdAccount } from '../../assets/asset-access';
import { marketing } from '../marketing-state';
import { ADS_READ, ADS_WRITE, adsManagementUsage } from '../marketing-access';
import { campaignEffectiveStatus } from '../ad-status';
import { listFilter } from '../list-filters';
import { issuesInfo } from '../issues-info';
import { createCampaign, deleteCampaign, updateCampaign } from './campaign-writes';

const time = (ms: number | undefined) => (ms === undefined ? undefined : graphTime(ms));

/**
 * A campaign (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group). Budgets read back as
 * minor-unit strings.
 */
export const campaignNode: NodeTypeSpec<CampaignRecord> = {
  type: 'Campaign',
  load: (id, world) => marketing(world).campaigns.get(id),
  idOf: (campaign) => campaign.id,
  visible: (campaign, ctx) => canSeeAdAccount(ctx, campaign.accountId),
  access: ADS_READ,
  usage: (campaign) => adsManagementUsage(campaign.accountId),
  defaultFields: ['id'],
  fields: {
    id: (c) => c.id,
    account_id: (c) => c.accountId,
    name: (c) => c.name,
    objective: (c) => c.objective,
    status: (c) => c.status,
    configured_status: (c) => c.status,
    effective_status: (c) => campaignEffectiveStatus(c),
    special_ad_categories: (c) => c.specialAdCategories,
    special_ad_category: (c) => c.specialAdCategories[0] ?? 'NONE',
    special_ad_category_country: (c) => c.specialAdCategoryCountry,
    buying_type: (c) => c.buyingType,
    bid_strategy: (c) => c.bidStrategy,
    daily_budget: (c) => c.dailyBudget,
    lifetime_budget: (c) => c.lifetimeBudget,
    budget_remaining: (c) => c.dailyBudget ?? c.lifetimeBudget ?? '0',
    issues_info: (c) => issuesInfo(c.issues, 'CAMPAIGN', c.id),
    start_time: (c) => time(c.startTime ?? c.createdTime),
    stop_time: (c) => time(c.stopTime),
    created_time: (c) => graphTime(c.createdTime),
    updated_time: (c) => graphTime(c.updatedTime),
    account: { nodeType: 'AdAccount', get: (c, ctx) => ctx.world.adAccounts.get(c.accountId) },
  },
  edges: {
    adsets: {
      list: {
        itemType: 'AdSet',
        maxLimit: 500,
        items: (campaign, ctx, modifiers) => {
          const keep = listFilter(ctx, modifiers, 'adset');
          return (marketing(ctx.world).index.adsetsByCampaign.get(campaign.id) ?? []).filter(keep);
        },
      },
    },
    ads: {
      list: {
        itemType: 'Ad',
        maxLimit: 500,
        items: (campaign, ctx, modifiers) => {
          const keep = listFilter(ctx, modifiers, 'ad');
          return (marketing(ctx.world).index.adsByCampaign.get(campaign.id) ?? []).filter(keep);
        },
      },
    },
  },
  update: { access: ADS_WRITE, handle: (ctx, campaign) => updateCampaign(ctx, campaign) },
  remove: { access: ADS_WRITE, handle: (ctx, campaign) => deleteCampaign(ctx, campaign) },
};

export function registerCampaigns(registry: GraphRegistry): void {
  registry.node(campaignNode);
  registry.edge<AdAccountRecord>('AdAccount', 'campaigns', {
    list: {
      itemType: 'Campaign',
      maxLimit: 500,
      items: (account, ctx, modifiers) => {
        const keep = listFilter(ctx, modifiers, 'campaign');
        return (marketing(ctx.world).index.campaignsByAccount.get(account.accountId) ?? []).filter(keep);
      },
    },
    create: { access: ADS_WRITE, handle: (ctx, account) => createCampaign(ctx, account) },
  });
}
