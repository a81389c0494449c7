import type { NodeTypeSpec } from '../core/graph-registry';
import type { AdAccountRecord } from '../world/types';
import { graphTime } from '../core/clock';
import { zoneOffsetHours } from '../core/time-zones';
import { adAccountUsage, canSeeAdAccount } from './asset-access';

/**
 * An ad account, addressed as `act_<id>` (https://developers.facebook.com/docs/marketing-api/reference/ad-account).
 * On the Marketing API schedule: an expired version gets 2635. Campaigns, ad sets, ads, insights are edges the
 * Marketing API module adds with `registry.edge('AdAccount', …)`.
 */
export const adAccountNode: NodeTypeSpec<AdAccountRecord> = {
  type: 'AdAccount',
  load: (id, world) => (id.startsWith('act_') ? world.adAccounts.get(id.slice(4)) : undefined),
  idOf: (account) => `act_${account.accountId}`,
  visible: (account, ctx) => canSeeAdAccount(ctx, account.accountId),
  access: { anyPermission: ['ads_read', 'ads_management'], schedule: 'marketing', onExpiredVersion: 'reject' },
  usage: (account) => adAccountUsage(account.accountId),
  defaultFields: ['account_id', 'id'],
  fields: {
    id: (account) => `act_${account.accountId}`,
    account_id: (account) => account.accountId,
    name: (account) => account.name,
    currency: (account) => account.currency,
    timezone_name: (account) => account.timezoneName,
    // The offset now, daylight saving included (America/Chicago is -5 in summer, -6 in winter).
    timezone_offset_hours_utc: (account, ctx) => zoneOffsetHours(account.timezoneName, ctx.runtime.clock.now()),
    account_status: (account) => account.accountStatus,
    disable_reason: (account) => account.disableReason,
    amount_spent: (account) => account.amountSpent,
    spend_cap: (account) => account.spendCap,
    balance: (account) => account.balance,
    min_daily_budget: (account) => account.minDailyBudget,
    created_time: (account) => graphTime(account.createdTime),
    business: { nodeType: 'BusinessRef', get: (account, ctx) => ctx.world.businesses.get(account.businessId) },
    user_tasks: () => ['DRAFT', 'ANALYZE', 'ADVERTISE', 'MANAGE'],
  },
};
