import type { World } from '../world/world';
import type { SystemUserRecord, UserRecord } from '../world/types';

export interface ChosenAssets {
  pages: string[];
  adAccounts: string[];
  businesses: string[];
}

/**
 * Installing the app in a business through a Login for Business configuration with system user tokens: the business
 * gets a business integration system user for the app (one per app and business; a new install reuses it) holding the
 * Pages and ad accounts chosen in the dialog, with the tasks the installing person has on them
 * (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
 */
export function installSystemUser(
  world: World,
  appId: string,
  user: UserRecord,
  chosen: ChosenAssets,
  nowMs: number,
): SystemUserRecord | { error: string } {
  const businessId = chosen.businesses.find((id) => user.businessIds.includes(id));
  if (!businessId) return { error: 'Choose the business portfolio to connect.' };
  const pageRoles = user.pageRoles
    .filter((role) => chosen.pages.includes(role.pageId))
    .map((role) => ({ pageId: role.pageId, tasks: [...role.tasks] }));
  const adAccountIds = user.adAccountIds.filter((id) => chosen.adAccounts.includes(id));
  const existing = [...world.systemUsers.values()].find((entry) => entry.appId === appId && entry.businessId === businessId);
  if (existing) {
    Object.assign(existing, { pageRoles, adAccountIds });
    return existing;
  }
  const app = world.apps.get(appId)!;
  const systemUser: SystemUserRecord = {
    id: world.ids.next('system-user'),
    name: `${app.name} system user`,
    appId,
    businessId,
    businessIds: [businessId],
    adAccountIds,
    pageRoles,
    createdTime: nowMs,
  };
  world.systemUsers.set(systemUser.id, systemUser);
  world.register(systemUser.id, 'SystemUser');
  return systemUser;
}
