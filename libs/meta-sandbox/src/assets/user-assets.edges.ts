import type { GraphRegistry } from '../core/graph-registry';
import type { SystemUserRecord, UserRecord } from '../world/types';
import { canSeeAdAccount, canSeeBusiness, canSeePage } from './asset-access';

/**
 * `/me/accounts`, `/me/adaccounts`, `/me/businesses`: what the user manages and the login granted; `/me/accounts` and
 * `/me/adaccounts` for a business integration system user: the assets chosen when the business installed the app.
 */
export function registerUserAssetEdges(registry: GraphRegistry): void {
  registry.edge<SystemUserRecord>('SystemUser', 'accounts', {
    list: {
      access: { tokens: ['SYSTEM_USER'], permissions: ['pages_show_list'] },
      itemType: 'Page',
      items: (systemUser, ctx) =>
        systemUser.pageRoles.map((role) => ctx.world.pages.get(role.pageId)!).filter((page) => page && canSeePage(ctx, page.id)),
    },
  });
  registry.edge<SystemUserRecord>('SystemUser', 'adaccounts', {
    list: {
      access: { tokens: ['SYSTEM_USER'], anyPermission: ['ads_read', 'ads_management'], schedule: 'marketing', onExpiredVersion: 'reject' },
      itemType: 'AdAccount',
      items: (systemUser, ctx) =>
        systemUser.adAccountIds
          .map((id) => ctx.world.adAccounts.get(id)!)
          .filter((account) => account && canSeeAdAccount(ctx, account.accountId)),
    },
  });
  registry.edge<UserRecord>('User', 'accounts', {
    list: {
      access: { tokens: ['USER'], permissions: ['pages_show_list'] },
      itemType: 'Page',
      items: (user, ctx) =>
        user.pageRoles.map((role) => ctx.world.pages.get(role.pageId)!).filter((page) => page && canSeePage(ctx, page.id)),
    },
  });
  registry.edge<UserRecord>('User', 'adaccounts', {
    list: {
      access: { tokens: ['USER'], anyPermission: ['ads_read', 'ads_management'], schedule: 'marketing', onExpiredVersion: 'reject' },
      itemType: 'AdAccount',
      items: (user, ctx) =>
        user.adAccountIds
          .map((id) => ctx.world.adAccounts.get(id)!)
          .filter((account) => account && canSeeAdAccount(ctx, account.accountId)),
    },
  });
  registry.edge<UserRecord>('User', 'businesses', {
    list: {
      access: { tokens: ['USER'], permissions: ['business_management'] },
      itemType: 'Business',
      items: (user, ctx) =>
        user.businessIds.map((id) => ctx.world.businesses.get(id)!).filter((business) => business && canSeeBusiness(ctx, business.id)),
    },
  });
}
