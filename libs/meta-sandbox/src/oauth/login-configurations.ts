import type { World } from '../world/world';
import { DEMO_IDS } from '../world/demo-ids';

/** Asset kinds a configuration asks for, named after the dialog's fieldsets. */
export type AssetKind = 'pages' | 'adAccounts' | 'businesses';
export const ASSET_KINDS: readonly AssetKind[] = ['businesses', 'pages', 'adAccounts'];

/**
 * A Facebook Login for Business configuration, made in the App Dashboard and passed to the dialog as `config_id`
 * instead of `scope`: it fixes the token type, the permissions (all granted or none) and the assets the person is asked
 * for (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
 */
export interface LoginConfiguration {
  id: string;
  name: string;
  /** `USER`: a user access token; `SYSTEM_USER`: a business integration system user token. */
  tokenType: 'USER' | 'SYSTEM_USER';
  permissions: string[];
  assets: AssetKind[];
  /** System user tokens: never expire, or live 60 days, as the configuration says. */
  tokenExpiry: 'never' | '60_days';
}

export const loginConfigurations = (world: World): Map<string, LoginConfiguration> =>
  world.ext('login-configurations', () => new Map<string, LoginConfiguration>());

/**
 * What the product needs: Pages and their forms and leads, webhook installs, ad fields and campaigns, the business,
 * and its product catalogs.
 */
export const LEAD_SYNC_PERMISSIONS = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'pages_manage_ads',
  'leads_retrieval',
  'ads_read',
  'ads_management',
  'business_management',
  'catalog_management',
];

/** Every world starts with one configuration of each token type, at fixed ids (`DEMO_IDS.loginConfigurations`). */
export function seedLoginConfigurations(world: World): void {
  const configurations = loginConfigurations(world);
  const assets: AssetKind[] = [...ASSET_KINDS];
  configurations.set(DEMO_IDS.loginConfigurations.userToken, {
    id: DEMO_IDS.loginConfigurations.userToken,
    name: 'Lead sync (user access token)',
    tokenType: 'USER',
    permissions: [...LEAD_SYNC_PERMISSIONS],
    assets,
    tokenExpiry: 'never',
  });
  configurations.set(DEMO_IDS.loginConfigurations.systemUser, {
    id: DEMO_IDS.loginConfigurations.systemUser,
    name: 'Lead sync (system user access token)',
    tokenType: 'SYSTEM_USER',
    permissions: [...LEAD_SYNC_PERMISSIONS],
    assets,
    tokenExpiry: 'never',
  });
}

export function addLoginConfiguration(world: World, configuration: Omit<LoginConfiguration, 'id'>): LoginConfiguration {
  const stored = { ...configuration, id: world.ids.next('login-configuration') };
  loginConfigurations(world).set(stored.id, stored);
  return stored;
}
