import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import type { AdSetRecord, CampaignRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { marketing, nextAdObjectId } from '../marketing-state';
import { invalidWithUserMessage, isObject, optionalJson, optionalString, parseEnum, parseMinorUnits, parseTime, requireString, validateOnly } from '../marketing-params';
import { parseStatus } from '../ad-status';
import { BID_STRATEGIES, CAPPED_BID_STRATEGIES, hasBudget, parseBudgets } from '../campaigns/campaign-rules';
import { budgetConflict } from '../campaigns/campaign-writes';
import { parseTargeting } from './targeting-rules';
import {
  BILLING_EVENTS,
  DESTINATION_TYPES,
  OPTIMIZATION_GOALS,
  checkBillingForGoal,
  checkGoalForObjective,
  checkLeadAdSetup,
  checkPromotedPage,
} from './delivery-rules';

function campaignFor(ctx: GraphContext, account: AdAccountRecord, campaignId: string): CampaignRecord {
  const campaign = marketing(ctx.world).campaigns.get(campaignId);
  if (!campaign || campaign.accountId !== account.accountId) {
    throw GraphErrors.invalidParameter(`Param campaign_id ${campaignId} is not a campaign of ad account act_${account.accountId}`);
  }
  if (campaign.status === 'DELETED') throw GraphErrors.invalidParameter('Cannot add an ad set to a deleted campaign');
  return campaign;
}

const campaignHasBudget = (campaign: CampaignRecord): boolean => Boolean(campaign.dailyBudget || campaign.lifetimeBudget);

/** `POST /act_{id}/adsets` (notes §5.2). */
export function createAdSet(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = requireString(ctx, 'name');
  const campaign = campaignFor(ctx, account, requireString(ctx, 'campaign_id'));
  const goal = parseEnum(requireString(ctx, 'optimization_goal'), 'optimization_goal', OPTIMIZATION_GOALS);
  const billing = parseEnum(requireString(ctx, 'billing_event'), 'billing_event', BILLING_EVENTS);
  checkGoalForObjective(goal, campaign.objective);
  checkBillingForGoal(billing, goal);
  const destinationType = optionalString(ctx, 'destination_type');
  if (destinationType !== undefined) parseEnum(destinationType, 'destination_type', DESTINATION_TYPES);
  const promoted = optionalJson(ctx, 'promoted_object');
  if (promoted !== undefined && !isObject(promoted)) throw GraphErrors.invalidParameter('Param promoted_object must be a JSON object');
  checkLeadAdSetup(goal, promoted, destinationType);
  if (promoted && typeof promoted['page_id'] === 'string') {
    const pageId = promoted['page_id'];
    const role = ctx.identity?.user?.pageRoles.find((entry) => entry.pageId === pageId);
    checkPromotedPage(pageId, Boolean(ctx.world.pages.get(pageId) && role?.tasks.includes('ADVERTISE')));
  }
  const targeting = parseTargeting(optionalString(ctx, 'targeting'), campaign.specialAdCategories);
  const budget = parseBudgets(ctx, account, 'ad set');
  if (hasBudget(budget) && campaignHasBudget(campaign)) throw budgetConflict('ad set');
  if (!hasBudget(budget) && !campaignHasBudget(campaign)) {
    throw invalidWithUserMessage('Budget required', 'Set a daily_budget or lifetime_budget on the ad set, or a budget on its campaign.', {
      blame: ['daily_budget'],
    });
  }
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) {
    parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
    if (campaignHasBudget(campaign)) throw GraphErrors.invalidParameter('bid_strategy is set on the campaign when the campaign has a budget');
  }
  const bidAmountRaw = optionalString(ctx, 'bid_amount');
  const bidAmount = bidAmountRaw === undefined ? undefined : parseMinorUnits(bidAmountRaw, 'bid_amount');
  const strategy = bidStrategy ?? campaign.bidStrategy ?? 'LOWEST_COST_WITHOUT_CAP';
  if (CAPPED_BID_STRATEGIES.includes(strategy) && bidAmount === undefined) {
    throw invalidWithUserMessage('Bid amount required', `Ad sets using the ${strategy} bid strategy need a bid_amount.`, { blame: ['bid_amount'] });
  }
  const endRaw = optionalString(ctx, 'end_time');
  if (budget.lifetimeBudget !== undefined && endRaw === undefined) {
    throw invalidWithUserMessage('End date required', 'Ad sets with a lifetime budget need an end_time.', { blame: ['end_time'] });
  }
  const now = ctx.runtime.clock.now();
  const startRaw = optionalString(ctx, 'start_time');
  const startTime = startRaw === undefined ? now : parseTime(startRaw, 'start_time');
  const endTime = endRaw === undefined ? undefined : parseTime(endRaw, 'end_time');
  if (endTime !== undefined && endTime <= startTime) throw GraphErrors.invalidParameter('end_time must be after start_time');
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED') throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating an ad set');
  if (validateOnly(ctx)) return { success: true };
  const adset: AdSetRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    campaignId: campaign.id,
    name,
    status,
    optimizationGoal: goal,
    billingEvent: billing,
    destinationType,
    promotedObject: promoted,
    targeting,
    ...budget,
    bidAmount,
    bidStrategy: bidStrategy ?? (hasBudget(budget) ? 'LOWEST_COST_WITHOUT_CAP' : undefined),
    startTime,
    endTime,
    createdTime: now,
    updatedTime: now,
  };
  marketing(ctx.world).adsets.set(adset.id, adset);
  ctx.world.register(adset.id, 'AdSet');
  return { id: adset.id };
}

/** `POST /{adset-id}`: name, status, budget, bid amount, targeting, end time. */
export function updateAdSet(ctx: GraphContext, adset: AdSetRecord): { success: true } {
  if (adset.status === 'DELETED') throw GraphErrors.invalidParameter('Cannot edit a deleted ad set');
  const state = marketing(ctx.world);
  const campaign = state.campaigns.get(adset.campaignId)!;
  const account = ctx.world.adAccounts.get(adset.accountId)!;
  const next: AdSetRecord = { ...adset };
  const name = optionalString(ctx, 'name');
  if (name !== undefined) next.name = name;
  const status = optionalString(ctx, 'status');
  if (status !== undefined) next.status = parseStatus(status);
  if (ctx.params['targeting'] !== undefined) next.targeting = parseTargeting(ctx.params['targeting'], campaign.specialAdCategories);
  const budget = parseBudgets(ctx, account, 'ad set');
  if (hasBudget(budget)) {
    if (campaignHasBudget(campaign)) throw budgetConflict('ad set');
    Object.assign(next, budget);
  }
  const bidAmount = optionalString(ctx, 'bid_amount');
  if (bidAmount !== undefined) next.bidAmount = parseMinorUnits(bidAmount, 'bid_amount');
  const endTime = optionalString(ctx, 'end_time');
  if (endTime !== undefined) next.endTime = parseTime(endTime, 'end_time');
  for (const locked of ['campaign_id', 'optimization_goal', 'billing_event', 'destination_type']) {
    const value = optionalString(ctx, locked);
    const current = { campaign_id: adset.campaignId, optimization_goal: adset.optimizationGoal, billing_event: adset.billingEvent, destination_type: adset.destinationType }[locked];
    if (value !== undefined && value !== current) throw GraphErrors.invalidParameter(`${locked} cannot be changed on an existing ad set`);
  }
  if (validateOnly(ctx)) return { success: true };
  next.updatedTime = ctx.runtime.clock.now();
  state.adsets.set(adset.id, next);
  return { success: true };
}

export function deleteAdSet(ctx: GraphContext, adset: AdSetRecord): { success: true } {
  adset.status = 'DELETED';
  adset.updatedTime = ctx.runtime.clock.now();
  return { success: true };
}
