import type { GraphContext } from '../core/graph-context';
import type { AdAccountRecord } from '../world/types';
import { adsError } from './marketing-errors';
import { optionalString, parseMinorUnits } from './marketing-params';

/**
 * Budgets (https://developers.facebook.com/docs/marketing-api/bidding/overview/budgets): daily or lifetime, in minor
 * units of the account currency, on the campaign or on its ad sets. The minimum depends on what the ad set is
 * billed on, as `/act_{id}/minimum_budgets` reports it
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/minimum_budgets/); a lifetime budget
 * needs a day's minimum for every day it runs. Meta refuses more than a million dollars (changelog 2017-03-08).
 */
export interface BudgetChoice {
  dailyBudget?: string;
  lifetimeBudget?: string;
}

const MAX_BUDGET_MINOR = 100_000_000;
const DAY_MS = 86_400_000;

/** `minimum_budgets`: impressions at the account minimum; the other families as multiples of it (sandbox ratios). */
export function minimumBudgets(account: AdAccountRecord) {
  const base = account.minDailyBudget;
  return {
    currency: account.currency,
    min_daily_budget_imp: base,
    min_daily_budget_high_freq: base * 5,
    min_daily_budget_low_freq: base * 40,
    min_daily_budget_video_views: base * 2,
  };
}

const HIGH_FREQUENCY = ['CLICKS', 'LINK_CLICKS', 'POST_ENGAGEMENT', 'PAGE_LIKES', 'LISTING_INTERACTION'];
const LOW_FREQUENCY = ['APP_INSTALLS', 'OFFER_CLAIMS', 'PURCHASE'];

export function minimumDailyBudget(account: AdAccountRecord, billingEvent = 'IMPRESSIONS'): number {
  const minimums = minimumBudgets(account);
  if (HIGH_FREQUENCY.includes(billingEvent)) return minimums.min_daily_budget_high_freq;
  if (LOW_FREQUENCY.includes(billingEvent)) return minimums.min_daily_budget_low_freq;
  if (billingEvent === 'THRUPLAY') return minimums.min_daily_budget_video_views;
  return minimums.min_daily_budget_imp;
}

/** Days between a start and an end, for the lifetime minimum (at least one). */
export const scheduleDays = (startMs: number, endMs: number | undefined): number | undefined =>
  endMs === undefined ? undefined : Math.max(1, Math.ceil((endMs - startMs) / DAY_MS));

const money = (minor: number, account: AdAccountRecord) => `${(minor / 100).toFixed(2)} ${account.currency}`;

function checkLimits(amount: number, minimum: number, account: AdAccountRecord, field: string, what: string): number {
  if (amount < minimum) {
    throw adsError(
      'budgetTooLow',
      'Your Budget Is Too Low',
      `The minimum ${what} budget for this ad account is ${money(minimum, account)}.`,
      [field],
    );
  }
  if (amount > MAX_BUDGET_MINOR) {
    throw adsError('budgetTooHigh', 'Your Budget Is Too High', `Budgets cannot be higher than ${money(MAX_BUDGET_MINOR, account)}.`, [
      field,
    ]);
  }
  return amount;
}

/** `daily_budget` / `lifetime_budget` of a write: never both, within the limits above. */
export function parseBudgets(
  ctx: GraphContext,
  account: AdAccountRecord,
  level: 'campaign' | 'ad set',
  schedule: { days?: number; billingEvent?: string } = {},
): BudgetChoice {
  const daily = optionalString(ctx, 'daily_budget');
  const lifetime = optionalString(ctx, 'lifetime_budget');
  if (daily !== undefined && lifetime !== undefined) {
    throw adsError('budgetLevelConflict', 'Choose one budget type', `A ${level} can have a daily budget or a lifetime budget, not both.`, [
      'daily_budget',
    ]);
  }
  const perDay = minimumDailyBudget(account, schedule.billingEvent);
  const choice: BudgetChoice = {};
  if (daily !== undefined)
    choice.dailyBudget = String(checkLimits(parseMinorUnits(daily, 'daily_budget'), perDay, account, 'daily_budget', 'daily'));
  if (lifetime !== undefined) {
    const days = schedule.days ?? 1;
    const what = `lifetime (${days} day${days > 1 ? 's' : ''})`;
    choice.lifetimeBudget = String(
      checkLimits(parseMinorUnits(lifetime, 'lifetime_budget'), perDay * days, account, 'lifetime_budget', what),
    );
  }
  return choice;
}

export const hasBudget = (budget: BudgetChoice): boolean => budget.dailyBudget !== undefined || budget.lifetimeBudget !== undefined;

/** Budgets live on the campaign or on its ad sets, never both. */
export function budgetConflict(level: 'campaign' | 'ad set') {
  return adsError(
    'budgetLevelConflict',
    level === 'campaign' ? 'Ad sets already have budgets' : 'Campaign budget already set',
    level === 'campaign'
      ? 'This campaign’s ad sets have their own budgets. Remove them before setting a campaign budget.'
      : 'This ad set’s campaign uses a campaign budget, so the ad set cannot have its own daily_budget or lifetime_budget.',
    ['daily_budget'],
  );
}
