import type { AccessRule } from '../core/graph-registry';
import type { UsageCharge } from '../core/usage-types';
import type { GraphContext } from '../core/graph-context';
import { GraphErrors } from '../core/graph-errors';
import type { AdAccountRecord } from '../world/types';

/** Reading ad objects needs ads_read or ads_management; they follow the Marketing API version schedule. */
export const ADS_READ: AccessRule = { anyPermission: ['ads_read', 'ads_management'], schedule: 'marketing', onExpiredVersion: 'reject' };
export const ADS_WRITE: AccessRule = { permissions: ['ads_management'] };

/** Ad object calls count against the account's `ads_management` BUC and its own budget (`X-Ad-Account-Usage`). */
export const adsManagementUsage = (accountId: string): UsageCharge[] => [
  { type: 'ads_management', objectId: accountId, adAccountId: accountId },
];

/**
 * Insights calls count against `ads_insights` instead
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export const adsInsightsUsage = (accountId: string): UsageCharge[] => [
  { type: 'ads_insights', objectId: accountId, adAccountId: accountId },
];

/** The ad account an object lives in; a missing account means the id is not reachable (100/33). */
export function accountOf(ctx: GraphContext, accountId: string): AdAccountRecord {
  const account = ctx.world.adAccounts.get(accountId);
  if (!account) throw GraphErrors.unsupportedRequest(ctx.method, `act_${accountId}`);
  return account;
}
