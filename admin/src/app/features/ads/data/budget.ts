import { BudgetType } from '@legeai/contracts';

import { Locale, formatMoney } from './money';

/** The budget fields campaigns and ad sets share. */
export interface Budgeted {
  dailyBudgetMinor: number | null;
  lifetimeBudgetMinor: number | null;
}

/** The object's own budget, if it has one: a campaign with budgets on its ad sets (or an ad set under a campaign budget) has none. */
export function budgetOf(object: Budgeted): { type: BudgetType; amountMinor: number } | null {
  if (object.dailyBudgetMinor !== null) {
    return { type: 'daily', amountMinor: object.dailyBudgetMinor };
  }
  if (object.lifetimeBudgetMinor !== null) {
    return { type: 'lifetime', amountMinor: object.lifetimeBudgetMinor };
  }
  return null;
}

/** "$25.00 per day", "$500.00 in total", or `none` when the budget sits at the other level. */
export function describeBudget(object: Budgeted, currency: string, none: string, locale?: Locale): string {
  const budget = budgetOf(object);
  if (!budget) {
    return none;
  }
  const amount = formatMoney(budget.amountMinor, currency, locale);
  return budget.type === 'daily' ? `${amount} per day` : `${amount} in total`;
}
