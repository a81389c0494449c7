import type { GraphContext } from '../../core/graph-context';
import type { AdAccountRecord } from '../../world/types';
import type { CampaignRecord } from '../marketing-state';
import { GraphErrors } from '../../core/graph-errors';
import { addCampaign, marketing, nextAdObjectId } from '../marketing-state';
import { optionalString, parseEnum, parseTime, requireString, validateOnly } from '../marketing-params';
import { parseStatus, setStatus } from '../ad-status';
import { adsError } from '../marketing-errors';
import { budgetConflict, hasBudget, parseBudgets, scheduleDays } from '../budget-rules';
import { applyBudgetChange } from '../budget-changes';
import { BID_STRATEGIES, BUYING_TYPES, parseObjective, parseSpecialAdCategories, parseSpecialAdCategoryCountry } from './campaign-rules';

function parseSchedule(ctx: GraphContext, startDefault: number | undefined, stopDefault: number | undefined) {
  const startRaw = optionalString(ctx, 'start_time');
  const stopRaw = optionalString(ctx, 'stop_time');
  const startTime = startRaw === undefined ? startDefault : parseTime(startRaw, 'start_time');
  // `stop_time=0` on an update removes the end, as for ad sets.
  const stopTime =
    stopRaw === undefined
      ? stopDefault
      : startDefault !== undefined && stopRaw.trim() === '0'
        ? undefined
        : parseTime(stopRaw, 'stop_time');
  if (stopTime !== undefined && stopTime <= (startTime ?? ctx.runtime.clock.now())) {
    throw adsError(
      'invalidSchedule',
      'Invalid schedule',
      'The campaign must end after it starts: stop_time must be later than start_time.',
      ['stop_time'],
    );
  }
  return { startTime, stopTime };
}

/** `POST /act_{id}/campaigns` (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group). */
export function createCampaign(ctx: GraphContext, account: AdAccountRecord): { id: string } | { success: true } {
  const name = requireString(ctx, 'name');
  const objective = parseObjective(requireString(ctx, 'objective'));
  const categories = parseSpecialAdCategories(optionalString(ctx, 'special_ad_categories'));
  const countries = parseSpecialAdCategoryCountry(optionalString(ctx, 'special_ad_category_country'), categories);
  const status = parseStatus(optionalString(ctx, 'status') ?? 'ACTIVE');
  if (status === 'DELETED' || status === 'ARCHIVED')
    throw GraphErrors.invalidParameter('status must be ACTIVE or PAUSED when creating a campaign');
  const now = ctx.runtime.clock.now();
  const { startTime, stopTime } = parseSchedule(ctx, undefined, undefined);
  if (optionalString(ctx, 'lifetime_budget') !== undefined && stopTime === undefined) {
    throw adsError('endTimeRequired', 'End date required', 'Campaigns with a lifetime budget need a stop_time.', ['stop_time']);
  }
  const budget = parseBudgets(ctx, account, 'campaign', { days: scheduleDays(startTime ?? now, stopTime) });
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) {
    parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
    if (!hasBudget(budget)) {
      throw adsError(
        'bidStrategyLevel',
        'Bid strategy needs a campaign budget',
        'A bid strategy can only be set on the campaign when the campaign has a daily or lifetime budget. Set it on each ad set instead.',
        ['bid_strategy'],
      );
    }
  }
  const buyingType = parseEnum(optionalString(ctx, 'buying_type') ?? 'AUCTION', 'buying_type', BUYING_TYPES);
  if (validateOnly(ctx)) return { success: true };
  const campaign: CampaignRecord = {
    id: nextAdObjectId(ctx.world),
    accountId: account.accountId,
    name,
    objective,
    status,
    activeSpans: status === 'ACTIVE' ? [{ from: now }] : [],
    issues: [],
    specialAdCategories: categories,
    specialAdCategoryCountry: countries,
    buyingType,
    bidStrategy: bidStrategy ?? (hasBudget(budget) ? 'LOWEST_COST_WITHOUT_CAP' : undefined),
    ...budget,
    startTime: startTime ?? now,
    stopTime,
    createdTime: now,
    updatedTime: now,
  };
  addCampaign(ctx.world, campaign);
  return { id: campaign.id };
}

/** Meta only edits active and paused objects (SDK error 100/1487056 "Can't Edit Ad Set"). */
export function cannotEdit(kind: 'campaign' | 'ad set' | 'ad', status: string) {
  const title = `Can't Edit ${kind === 'ad set' ? 'Ad Set' : kind === 'ad' ? 'Ad' : 'Campaign'}`;
  return adsError(
    'cannotEditDeleted',
    title,
    `You can't edit this ${kind}: it is ${status.toLowerCase()}. You can only edit active or paused ${kind}s.`,
    ['status'],
  );
}

/** `POST /{campaign-id}`: name, status, budgets, bid strategy, categories, schedule. */
export function updateCampaign(ctx: GraphContext, campaign: CampaignRecord): { success: true } {
  const account = ctx.world.adAccounts.get(campaign.accountId)!;
  const status = optionalString(ctx, 'status');
  const nextStatus = status === undefined ? undefined : parseStatus(status);
  // A deleted campaign stays deleted; an archived one may only be deleted.
  if (campaign.status === 'DELETED' || (campaign.status === 'ARCHIVED' && nextStatus !== 'DELETED'))
    throw cannotEdit('campaign', campaign.status);
  const objective = optionalString(ctx, 'objective');
  if (objective !== undefined && objective !== campaign.objective) {
    throw adsError(
      'lockedField',
      'Objective cannot be changed',
      'The objective of an existing campaign cannot be changed. Create a new campaign instead.',
      ['objective'],
    );
  }
  const next: Partial<CampaignRecord> = {};
  const name = optionalString(ctx, 'name');
  if (name !== undefined) next.name = name;
  if (ctx.params['special_ad_categories'] !== undefined) {
    next.specialAdCategories = parseSpecialAdCategories(ctx.params['special_ad_categories']);
    next.specialAdCategoryCountry = parseSpecialAdCategoryCountry(
      optionalString(ctx, 'special_ad_category_country') ?? JSON.stringify(campaign.specialAdCategoryCountry),
      next.specialAdCategories,
    );
  }
  const { startTime, stopTime } = parseSchedule(ctx, campaign.startTime, campaign.stopTime);
  const budget = parseBudgets(ctx, account, 'campaign', { days: scheduleDays(startTime ?? campaign.createdTime, stopTime) });
  if (hasBudget(budget)) {
    if (!campaign.dailyBudget && !campaign.lifetimeBudget) {
      const withBudget = (marketing(ctx.world).index.adsetsByCampaign.get(campaign.id) ?? []).some(
        (adset) => adset.dailyBudget || adset.lifetimeBudget,
      );
      if (withBudget) throw budgetConflict('campaign');
    }
    if (budget.dailyBudget && campaign.lifetimeBudget)
      throw GraphErrors.invalidParameter('Cannot switch a lifetime budget to a daily budget');
    if (budget.lifetimeBudget && campaign.dailyBudget)
      throw GraphErrors.invalidParameter('Cannot switch a daily budget to a lifetime budget');
    Object.assign(next, budget);
  }
  const bidStrategy = optionalString(ctx, 'bid_strategy');
  if (bidStrategy !== undefined) next.bidStrategy = parseEnum(bidStrategy, 'bid_strategy', BID_STRATEGIES);
  if (validateOnly(ctx)) return { success: true };
  const now = ctx.runtime.clock.now();
  const before = { ...campaign };
  Object.assign(campaign, next, { startTime, stopTime, updatedTime: now });
  applyBudgetChange(ctx.world, before, campaign, now);
  if (nextStatus !== undefined) setStatus(ctx.world, campaign, nextStatus, now);
  marketing(ctx.world).revision++;
  return { success: true };
}

/**
 * `DELETE /{campaign-id}`: the campaign stays readable by id with status DELETED
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group).
 */
export function deleteCampaign(ctx: GraphContext, campaign: CampaignRecord): { success: true } {
  setStatus(ctx.world, campaign, 'DELETED', ctx.runtime.clock.now());
  return { success: true };
}
