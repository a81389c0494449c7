import { Pipe, PipeTransform } from '@angular/core';

import { Budgeted, describeBudget } from './data/budget';
import { formatMoney } from './data/money';

/** `{{ 1250 | money: 'USD' }}` → "$12.50" in the reader's locale; empty for no amount. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(amountMinor: number | null | undefined, currency: string): string {
    return amountMinor === null || amountMinor === undefined ? '' : formatMoney(amountMinor, currency);
  }
}

/** `{{ campaign | budget: campaign.currency : 'On the ad sets' }}` → "$25.00 per day". */
@Pipe({ name: 'budget' })
export class BudgetPipe implements PipeTransform {
  transform(object: Budgeted, currency: string, none: string): string {
    return describeBudget(object, currency, none);
  }
}
