import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import type { CampaignRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { marketing, nextAdObjectId } from '../marketing-state';
import { invalidWithUserMessage, optionalString, parseEnum, parseTime, requireString, validateOnly } from '../marketing-params';
import { parseStatus } from '../ad-status';
import {
  BID_STRATEGIES,
  BUYING_TYPES,
  hasBudget,
  parseBudgets,
  parseObjective,
  parseSpecialAdCategories,
  parseSpecialAdCategoryCountry,
} from './campaign-rules';

/** `POST /act_{id}/campaigns` (notes §5.1). */
export function createCampaign(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = requireString(ctx, 'name');
  const objective = parseObjective(requireString(ctx, 'objective'));
  const categories = parseSpecialAdCategories(optionalString(ctx, 'special_ad_categories'));
  const countries = parseSpecialAdCategoryCountry(optionalString(ctx, 'special_ad_category_country'), categories);
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED') throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating a campaign');
  const budget = parseBudgets(ctx, account, 'campaign');
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) {
    parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
    if (!hasBudget(budget)) {
      throw invalidWithUserMessage(
        'Bid strategy needs a campaign budget',
        'A bid strategy can only be set on the campaign when the campaign has a daily or lifetime budget. Set it on each ad set instead.',
        { blame: ['bid_strategy'] },
      );
    }
  }
  const stopTime = optionalString(ctx, 'stop_time');
  if (budget.lifetimeBudget !== undefined && stopTime === undefined) {
    throw invalidWithUserMessage('End date required', 'Campaigns with a lifetime budget need a stop_time.', { blame: ['stop_time'] });
  }
  const startTime = optionalString(ctx, 'start_time');
  if (validateOnly(ctx)) return { success: true };
  const now = ctx.runtime.clock.now();
  const campaign: CampaignRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    name,
    objective,
    status,
    specialAdCategories: categories,
    specialAdCategoryCountry: countries,
    buyingType: parseEnum(optionalString(ctx, 'buying_type') ?? 'AUCTION', 'buying_type', BUYING_TYPES),
    bidStrategy: bidStrategy ?? (hasBudget(budget) ? 'LOWEST_COST_WITHOUT_CAP' : undefined),
    ...budget,
    startTime: startTime === undefined ? undefined : parseTime(startTime, 'start_time'),
    stopTime: stopTime === undefined ? undefined : parseTime(stopTime, 'stop_time'),
    createdTime: now,
    updatedTime: now,
  };
  marketing(ctx.world).campaigns.set(campaign.id, campaign);
  ctx.world.register(campaign.id, 'Campaign');
  return { id: campaign.id };
}

/** `POST /{campaign-id}`: name, status, budgets, bid strategy, categories, stop time. */
export function updateCampaign(ctx: GraphContext, campaign: CampaignRecord): { success: true } {
  const account = ctx.world.adAccounts.get(campaign.accountId)!;
  if (campaign.status === 'DELETED') throw GraphErrors.invalidParameter('Cannot edit a deleted campaign');
  const objective = optionalString(ctx, 'objective');
  if (objective !== undefined && objective !== campaign.objective) {
    throw invalidWithUserMessage('Objective cannot be changed', 'The objective of an existing campaign cannot be changed. Create a new campaign instead.', {
      blame: ['objective'],
    });
  }
  const next: CampaignRecord = { ...campaign };
  const name = optionalString(ctx, 'name');
  if (name !== undefined) next.name = name;
  const status = optionalString(ctx, 'status');
  if (status !== undefined) next.status = parseStatus(status);
  if (ctx.params['special_ad_categories'] !== undefined) {
    next.specialAdCategories = parseSpecialAdCategories(ctx.params['special_ad_categories']);
    next.specialAdCategoryCountry = parseSpecialAdCategoryCountry(
      optionalString(ctx, 'special_ad_category_country') ?? JSON.stringify(campaign.specialAdCategoryCountry),
      next.specialAdCategories,
    );
  }
  const budget = parseBudgets(ctx, account, 'campaign');
  if (hasBudget(budget)) {
    if (!campaign.dailyBudget && !campaign.lifetimeBudget) {
      const withBudget = [...marketing(ctx.world).adsets.values()].some(
        (adset) => adset.campaignId === campaign.id && (adset.dailyBudget || adset.lifetimeBudget),
      );
      if (withBudget) throw budgetConflict('campaign');
    }
    if (budget.dailyBudget && campaign.lifetimeBudget) throw GraphErrors.invalidParameter('Cannot switch a lifetime budget to a daily budget');
    if (budget.lifetimeBudget && campaign.dailyBudget) throw GraphErrors.invalidParameter('Cannot switch a daily budget to a lifetime budget');
    Object.assign(next, budget);
  }
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) next.bidStrategy = parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
  const stopTime = optionalString(ctx, 'stop_time');
  if (stopTime !== undefined) next.stopTime = parseTime(stopTime, 'stop_time');
  if (validateOnly(ctx)) return { success: true };
  next.updatedTime = ctx.runtime.clock.now();
  marketing(ctx.world).campaigns.set(campaign.id, next);
  return { success: true };
}

/** `DELETE /{campaign-id}`: the campaign stays readable by id with status DELETED (notes §5). */
export function deleteCampaign(ctx: GraphContext, campaign: CampaignRecord): { success: true } {
  campaign.status = 'DELETED';
  campaign.updatedTime = ctx.runtime.clock.now();
  return { success: true };
}

/** Budgets live on the campaign or on its ad sets, never both (notes §5.1). */
export function budgetConflict(level: 'campaign' | 'ad set') {
  return invalidWithUserMessage(
    level === 'campaign' ? 'Ad sets already have budgets' : 'Campaign budget already set',
    level === 'campaign'
      ? 'This campaign’s ad sets have their own budgets. Remove them before setting a campaign budget.'
      : 'This ad set’s campaign uses a campaign budget, so the ad set cannot have its own daily_budget or lifetime_budget.',
    { blame: ['daily_budget'] },
  );
}
