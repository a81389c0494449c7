import type { ResolvedOptions } from '../../options';
import type { World } from '../world';
import { DEMO_IDS } from '../demo-ids';

/** What every scenario has: the app the sandbox plays Meta for, its developer, and the person who logs in. */
export function buildBase(world: World, options: ResolvedOptions): void {
  world.apps.set(options.appId, {
    id: options.appId,
    name: options.appName,
    secret: options.appSecret,
    redirectUris: [...options.redirectUris],
    requireAppsecretProof: options.requireAppsecretProof,
    category: 'Business',
    link: `https://www.facebook.com/games/?app_id=${options.appId}`,
    // Live, every permission with Advanced Access: the app as it runs once approved. The control surface can take it
    // back to development mode or to Standard Access.
    mode: 'live',
    roles: [{ userId: DEMO_IDS.appDeveloperId, role: 'administrators' }],
    permissionAccess: {},
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
  // Registered after Dana, so "the user" of the world (the first) stays the person who logs in.
  world.users.set(DEMO_IDS.appDeveloperId, {
    id: DEMO_IDS.appDeveloperId,
    name: 'Sam Okafor',
    firstName: 'Sam',
    lastName: 'Okafor',
    email: 'sam.okafor@legeai.example',
    businessIds: [],
    adAccountIds: [],
    pageRoles: [],
  });
  world.register(DEMO_IDS.appDeveloperId, 'User');
}
