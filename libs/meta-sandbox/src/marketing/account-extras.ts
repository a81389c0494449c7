import type { GraphRegistry } from '../core/graph-registry';
import type { AdAccountRecord } from '../world/types';
import { DEFAULT_ATTRIBUTION } from './attribution-spec';
import { minimumBudgets } from './budget-rules';

/** `minimum_budgets` rows are not addressable objects: a node type only to render them with `fields`. */
function registerMinimumBudgetNode(registry: GraphRegistry): void {
  registry.node<ReturnType<typeof minimumBudgets>>({
    type: 'MinimumBudget',
    load: () => undefined,
    idOf: (row) => row.currency,
    defaultFields: [
      'currency',
      'min_daily_budget_imp',
      'min_daily_budget_high_freq',
      'min_daily_budget_low_freq',
      'min_daily_budget_video_views',
    ],
    fields: {
      currency: (row) => row.currency,
      min_daily_budget_imp: (row) => row.min_daily_budget_imp,
      min_daily_budget_high_freq: (row) => row.min_daily_budget_high_freq,
      min_daily_budget_low_freq: (row) => row.min_daily_budget_low_freq,
      min_daily_budget_video_views: (row) => row.min_daily_budget_video_views,
    },
  });
}

/**
 * What the Marketing API adds to ad accounts: the account's attribution setting (insights use it unless asked for
 * the ad sets' own) and `/act_{id}/minimum_budgets`
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/minimum_budgets/).
 */
export function registerAccountExtras(registry: GraphRegistry): void {
  registry.field<AdAccountRecord>('AdAccount', 'attribution_spec', { get: () => DEFAULT_ATTRIBUTION });
  registry.field<AdAccountRecord>('AdAccount', 'is_attribution_spec_system_default', { get: () => true });
  registerMinimumBudgetNode(registry);
  registry.edge<AdAccountRecord>('AdAccount', 'minimum_budgets', {
    list: { itemType: 'MinimumBudget', items: (account) => [minimumBudgets(account)] },
  });
}
