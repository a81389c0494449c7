import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import type { AdSetRecord, CampaignRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { addAdSet, marketing, nextAdObjectId } from '../marketing-state';
import {
  isObject,
  optionalJson,
  optionalString,
  parseEnum,
  parseMinorUnits,
  parseTime,
  requireString,
  validateOnly,
} from '../marketing-params';
import { parseStatus, setStatus } from '../ad-status';
import { adsError } from '../marketing-errors';
import { budgetConflict, hasBudget, parseBudgets, scheduleDays } from '../budget-rules';
import { applyBudgetChange } from '../budget-changes';
import { DEFAULT_ATTRIBUTION, parseAttributionSpec } from '../attribution-spec';
import { BID_STRATEGIES, CAPPED_BID_STRATEGIES } from '../campaigns/campaign-rules';
import { cannotEdit } from '../campaigns/campaign-writes';
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
  if (campaign.status === 'DELETED' || campaign.status === 'ARCHIVED') throw cannotEdit('campaign', campaign.status);
  return campaign;
}

const campaignHasBudget = (campaign: CampaignRecord): boolean => Boolean(campaign.dailyBudget || campaign.lifetimeBudget);

/** Whether the caller can advertise for a Page: a role with the ADVERTISE task. */
export const canAdvertiseFor = (ctx: GraphContext, pageId: string): boolean =>
  Boolean(
    ctx.world.pages.get(pageId) && ctx.identity?.user?.pageRoles.find((entry) => entry.pageId === pageId)?.tasks.includes('ADVERTISE'),
  );

function parseSchedule(ctx: GraphContext, now: number, current?: AdSetRecord) {
  const startRaw = optionalString(ctx, 'start_time');
  const endRaw = optionalString(ctx, 'end_time');
  const startTime = startRaw === undefined ? (current?.startTime ?? now) : parseTime(startRaw, 'start_time');
  // `end_time=0` on an update makes a daily-budget ad set ongoing (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Updating).
  const endTime = endRaw === undefined ? current?.endTime : current && endRaw.trim() === '0' ? undefined : parseTime(endRaw, 'end_time');
  if (endTime !== undefined && endTime <= startTime) {
    throw adsError('invalidSchedule', 'Invalid schedule', 'The ad set must end after it starts: end_time must be later than start_time.', [
      'end_time',
    ]);
  }
  if (endRaw !== undefined && endTime !== undefined && endTime <= now) {
    throw adsError('invalidSchedule', 'End time in the past', 'end_time must be in the future.', ['end_time']);
  }
  return { startTime, endTime };
}

/**
 * `POST /act_{id}/adsets` (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adsets/): lead ad
 * sets promote a Page and open an instant form on Facebook.
 */
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
  if (promoted && typeof promoted['page_id'] === 'string')
    checkPromotedPage(promoted['page_id'], canAdvertiseFor(ctx, promoted['page_id']));
  const targeting = parseTargeting(optionalString(ctx, 'targeting'), campaign.specialAdCategories);
  const attributionSpec = parseAttributionSpec(optionalString(ctx, 'attribution_spec'));
  const now = ctx.runtime.clock.now();
  const { startTime, endTime } = parseSchedule(ctx, now);
  const lifetime = optionalString(ctx, 'lifetime_budget') !== undefined || Boolean(campaign.lifetimeBudget);
  if (lifetime && endTime === undefined) {
    throw adsError('endTimeRequired', 'End date required', 'Ad sets with a lifetime budget, or in a campaign with one, need an end_time.', [
      'end_time',
    ]);
  }
  const budget = parseBudgets(ctx, account, 'ad set', { days: scheduleDays(startTime, endTime), billingEvent: billing });
  if (hasBudget(budget) && campaignHasBudget(campaign)) throw budgetConflict('ad set');
  if (!hasBudget(budget) && !campaignHasBudget(campaign)) {
    throw adsError(
      'budgetRequired',
      'Budget required',
      'Set a daily_budget or lifetime_budget on the ad set, or a budget on its campaign.',
      ['daily_budget'],
    );
  }
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) {
    parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
    if (campaignHasBudget(campaign)) {
      throw adsError(
        'bidStrategyLevel',
        'Bid strategy set on the campaign',
        'This campaign has a campaign budget, so its bid strategy is set on the campaign.',
        ['bid_strategy'],
      );
    }
  }
  const bidAmountRaw = optionalString(ctx, 'bid_amount');
  const bidAmount = bidAmountRaw === undefined ? undefined : parseMinorUnits(bidAmountRaw, 'bid_amount');
  const strategy = bidStrategy ?? campaign.bidStrategy ?? 'LOWEST_COST_WITHOUT_CAP';
  if (CAPPED_BID_STRATEGIES.includes(strategy) && bidAmount === undefined) {
    throw adsError('bidAmountRequired', 'Bid amount required', `Ad sets using the ${strategy} bid strategy need a bid_amount.`, [
      'bid_amount',
    ]);
  }
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED')
    throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating an ad set');
  if (validateOnly(ctx)) return { success: true };
  const adset: AdSetRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    campaignId: campaign.id,
    name,
    status,
    activeSpans: status === 'ACTIVE' ? [{ from: now }] : [],
    issues: [],
    optimizationGoal: goal,
    billingEvent: billing,
    destinationType,
    promotedObject: promoted,
    targeting,
    attributionSpec: attributionSpec ?? DEFAULT_ATTRIBUTION,
    ...budget,
    bidAmount,
    bidStrategy: bidStrategy ?? (hasBudget(budget) ? 'LOWEST_COST_WITHOUT_CAP' : undefined),
    startTime,
    endTime,
    createdTime: now,
    updatedTime: now,
  };
  addAdSet(ctx.world, adset);
  return { id: adset.id };
}

const LOCKED = ['campaign_id', 'optimization_goal', 'billing_event', 'destination_type'] as const;

/** `POST /{adset-id}`: name, status, budget, bid amount, targeting, schedule, attribution. */
export function updateAdSet(ctx: GraphContext, adset: AdSetRecord): { success: true } {
  const status = optionalString(ctx, 'status');
  const nextStatus = status === undefined ? undefined : parseStatus(status);
  if (adset.status === 'DELETED' || (adset.status === 'ARCHIVED' && nextStatus !== 'DELETED')) throw cannotEdit('ad set', adset.status);
  const state = marketing(ctx.world);
  const campaign = state.campaigns.get(adset.campaignId)!;
  const account = ctx.world.adAccounts.get(adset.accountId)!;
  const current = {
    campaign_id: adset.campaignId,
    optimization_goal: adset.optimizationGoal,
    billing_event: adset.billingEvent,
    destination_type: adset.destinationType,
  };
  for (const locked of LOCKED) {
    const value = optionalString(ctx, locked);
    if (value !== undefined && value !== current[locked]) {
      throw adsError(
        'lockedField',
        'Field cannot be changed',
        `${locked} cannot be changed on an existing ad set. Create a new ad set instead.`,
        [locked],
      );
    }
  }
  const next: Partial<AdSetRecord> = {};
  const name = optionalString(ctx, 'name');
  if (name !== undefined) next.name = name;
  if (ctx.params['targeting'] !== undefined) next.targeting = parseTargeting(ctx.params['targeting'], campaign.specialAdCategories);
  const attribution = parseAttributionSpec(optionalString(ctx, 'attribution_spec'));
  if (attribution) next.attributionSpec = attribution;
  const now = ctx.runtime.clock.now();
  const { startTime, endTime } = parseSchedule(ctx, now, adset);
  const budget = parseBudgets(ctx, account, 'ad set', { days: scheduleDays(startTime, endTime), billingEvent: adset.billingEvent });
  if (hasBudget(budget)) {
    if (campaignHasBudget(campaign)) throw budgetConflict('ad set');
    if (budget.dailyBudget && adset.lifetimeBudget) throw GraphErrors.invalidParameter('Cannot switch a lifetime budget to a daily budget');
    if (budget.lifetimeBudget && adset.dailyBudget) throw GraphErrors.invalidParameter('Cannot switch a daily budget to a lifetime budget');
    Object.assign(next, budget);
  }
  if ((next.lifetimeBudget ?? adset.lifetimeBudget) && endTime === undefined) {
    throw adsError('endTimeRequired', 'End date required', 'Ad sets with a lifetime budget need an end_time.', ['end_time']);
  }
  const bidAmount = optionalString(ctx, 'bid_amount');
  if (bidAmount !== undefined) next.bidAmount = parseMinorUnits(bidAmount, 'bid_amount');
  if (validateOnly(ctx)) return { success: true };
  const before = { ...adset };
  Object.assign(adset, next, { startTime, endTime, updatedTime: now });
  applyBudgetChange(ctx.world, before, adset, now);
  if (nextStatus !== undefined) setStatus(ctx.world, adset, nextStatus, now);
  state.revision++;
  return { success: true };
}

export function deleteAdSet(ctx: GraphContext, adset: AdSetRecord): { success: true } {
  setStatus(ctx.world, adset, 'DELETED', ctx.runtime.clock.now());
  return { success: true };
}
