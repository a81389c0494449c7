import type { GraphContext } from '../core/graph-context';
import type { UsageCharge } from '../core/usage-types';
import type { PageRole } from '../world/types';
import { grantsTarget } from '../core/token-auth';

/** Whoever holds assets behind a token: the person, or the business integration system user. */
export interface AssetHolder {
  id: string;
  businessIds: string[];
  adAccountIds: string[];
  pageRoles: PageRole[];
}

export const holderOf = (ctx: GraphContext): AssetHolder | undefined => ctx.identity?.user ?? ctx.identity?.systemUser;

/** The holder's tasks on a Page (`ADVERTISE`, `MANAGE`, …), undefined without a role on it. */
export const pageTasksOf = (ctx: GraphContext, pageId: string): string[] | undefined =>
  holderOf(ctx)?.pageRoles.find((role) => role.pageId === pageId)?.tasks;

/**
 * Who may see which asset. A Page token sees its own Page; a user or system user token sees assets its holder has a
 * role on and the login granted (granular `target_ids`). Anything else looks missing (100/33), as on Meta.
 */
export function canSeePage(ctx: GraphContext, pageId: string): boolean {
  const identity = ctx.identity;
  if (!pageTasksOf(ctx, pageId)) return false;
  if (identity?.page) return identity.page.id === pageId;
  return ['pages_show_list', 'pages_read_engagement', 'pages_manage_metadata', 'pages_manage_ads'].some((scope) =>
    grantsTarget(ctx, scope, pageId),
  );
}

export function canSeeAdAccount(ctx: GraphContext, accountId: string): boolean {
  const holder = holderOf(ctx);
  if (!holder || !holder.adAccountIds.includes(accountId)) return false;
  return ['ads_management', 'ads_read'].some((scope) => grantsTarget(ctx, scope, accountId));
}

export function canSeeBusiness(ctx: GraphContext, businessId: string): boolean {
  const holder = holderOf(ctx);
  if (!holder || !holder.businessIds.includes(businessId)) return false;
  return grantsTarget(ctx, 'business_management', businessId);
}

/** Page calls are charged to the Page's `pages` budget. */
export const pageUsage = (pageId: string): UsageCharge[] => [{ type: 'pages', objectId: pageId }];

/** Ad account calls are charged to `ads_management` and to the account's own budget. */
export const adAccountUsage = (accountId: string): UsageCharge[] => [
  { type: 'ads_management', objectId: accountId, adAccountId: accountId },
];
