import type { GuardrailFinding } from '@legeai/contracts';

/** One object of an ad account whose daily budget may spend: a campaign budget, or an ad set's own budget. */
export interface BudgetHolder {
  level: 'campaign' | 'adset';
  /** Meta's id. */
  id: string;
  /** The ad set's campaign (Meta id); the campaign's own id for a campaign. */
  campaignId: string;
  status: string;
  dailyBudgetMinor: number | null;
  deleted: boolean;
}

/** A change about to be made to one holder (a new object, a new budget, a new status). */
export interface BudgetHolderChange {
  level: 'campaign' | 'adset';
  id: string;
  campaignId: string;
  status?: string;
  dailyBudgetMinor?: number | null;
}

/**
 * The sum of the daily budgets that spend in an account after a change: a campaign budget while the campaign is
 * ACTIVE, an ad set budget while the ad set and its campaign are ACTIVE. Lifetime budgets are not daily and are left
 * out. Pure.
 */
export function activeDailyBudgetMinor(holders: readonly BudgetHolder[], change?: BudgetHolderChange): number {
  const all = new Map(holders.map((h) => [`${h.level}:${h.id}`, { ...h }]));
  if (change) {
    const key = `${change.level}:${change.id}`;
    const current = all.get(key) ?? {
      level: change.level,
      id: change.id,
      campaignId: change.campaignId,
      status: 'PAUSED',
      dailyBudgetMinor: null,
      deleted: false,
    };
    all.set(key, {
      ...current,
      status: change.status ?? current.status,
      dailyBudgetMinor: change.dailyBudgetMinor === undefined ? current.dailyBudgetMinor : change.dailyBudgetMinor,
    });
  }
  const campaignActive = new Map<string, boolean>();
  for (const h of all.values()) if (h.level === 'campaign') campaignActive.set(h.id, !h.deleted && h.status === 'ACTIVE');
  let sum = 0;
  for (const h of all.values()) {
    if (h.deleted || h.status !== 'ACTIVE' || !h.dailyBudgetMinor) continue;
    if (h.level === 'adset' && campaignActive.get(h.campaignId) === false) continue;
    sum += h.dailyBudgetMinor;
  }
  return sum;
}

/** The organisation's ceiling on the account's active daily budgets; null ceiling = none. */
export function dailyCeilingFinding(
  ceilingMinor: number | null,
  totalAfterMinor: number,
  field: string,
  currency: string,
): GuardrailFinding | null {
  if (ceilingMinor === null || totalAfterMinor <= ceilingMinor) return null;
  return {
    code: 'budget_ceiling',
    severity: 'error',
    field,
    message:
      `The active daily budgets of this ad account would add up to ${money(totalAfterMinor, currency)}, above your ` +
      `organisation's ceiling of ${money(ceilingMinor, currency)} a day. Lower the budget, pause something else, or ask an admin to raise the ceiling.`,
  };
}

export interface BudgetChangeCheck {
  fromMinor: number;
  toMinor: number;
  /** Rounded to one decimal; positive for an increase. */
  percent: number;
  thresholdPercent: number;
  needsConfirmation: boolean;
}

/**
 * Whether a budget change is large enough to ask the user to confirm it: an increase of more than the threshold
 * (a cut only lowers spend). A budget set where there was none is not a change of one.
 */
export function budgetChangeCheck(fromMinor: number | null, toMinor: number, thresholdPercent: number): BudgetChangeCheck | null {
  if (fromMinor === null || fromMinor <= 0 || toMinor === fromMinor) return null;
  const percent = Math.round(((toMinor - fromMinor) / fromMinor) * 1000) / 10;
  // Compared exactly: 50.04 % shows as 50 % but is above a 50 % threshold.
  return { fromMinor, toMinor, percent, thresholdPercent, needsConfirmation: (toMinor - fromMinor) * 100 > thresholdPercent * fromMinor };
}

/** `12.50 USD`: budgets are minor units; two decimals is right for most currencies and only used in messages. */
export function money(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`.trim();
}
