import type { ResolvedOptions } from '../../options';
import type { World } from '../world';
import { DEMO_IDS } from '../demo-ids';

/** What every scenario has: the app the sandbox plays Meta for, and the person who logs in. */
export function buildBase(world: World, options: ResolvedOptions): void {
  world.apps.set(options.appId, {
    id: options.appId,
    name: options.appName,
    secret: options.appSecret,
    redirectUris: [...options.redirectUris],
    requireAppsecretProof: options.requireAppsecretProof,
    category: 'Business',
    link: `https://www.facebook.com/games/?app_id=${options.appId}`,
  });
  world.register(options.appId, 'Application');
  world.users.set(DEMO_IDS.userId, {
    id: DEMO_IDS.userId,
    name: 'Dana Whitfield',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.whitfield@harborpoint-insurance.example',
    businessIds: [],
    adAccountIds: [],
    pageRoles: [],
  });
  world.register(DEMO_IDS.userId, 'User');
}
