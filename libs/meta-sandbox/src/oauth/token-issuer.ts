import type { World } from '../world/world';
import type { GrantRecord, SystemUserRecord, TokenRecord, UserRecord } from '../world/types';
import { appTokenRecord } from '../core/token-auth';

const DAY = 86_400;
/**
 * Web login tokens live hours; exchanged ones about 60 days; data access lasts 90 days from login
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived,
 * https://developers.facebook.com/docs/facebook-login/auth-vs-data).
 */
export const SHORT_LIVED_SECONDS = 2 * 3600;
export const LONG_LIVED_SECONDS = 60 * DAY;
export const DATA_ACCESS_SECONDS = 90 * DAY;

function tokenValue(world: World, prefix = 'EAAG'): string {
  return `${prefix}${world.rng.stream('tokens').chars(176)}`;
}

export function issueUserToken(
  world: World,
  grant: GrantRecord,
  nowSeconds: number,
  options: { longLived: boolean; dataAccessExpiresAt?: number },
): TokenRecord {
  const token: TokenRecord = {
    value: tokenValue(world),
    type: 'USER',
    appId: grant.appId,
    userId: grant.userId,
    scopes: ['public_profile', ...grant.granted.filter((scope) => scope !== 'public_profile')],
    granularScopes: grant.granularScopes.map((entry) => ({ ...entry })),
    issuedAt: nowSeconds,
    expiresAt: nowSeconds + (options.longLived ? LONG_LIVED_SECONDS : SHORT_LIVED_SECONDS),
    dataAccessExpiresAt: options.dataAccessExpiresAt ?? nowSeconds + DATA_ACCESS_SECONDS,
    longLived: options.longLived,
  };
  world.tokens.set(token.value, token);
  return token;
}

/**
 * A business integration system user token: no person behind it, no data access window, and, as the configuration
 * says, no expiry (`lifetimeSeconds` 0) or 60 days
 * (https://developers.facebook.com/docs/facebook-login/facebook-login-for-business).
 */
export function issueSystemUserToken(
  world: World,
  grant: GrantRecord,
  systemUser: SystemUserRecord,
  nowSeconds: number,
  lifetimeSeconds: number,
): TokenRecord {
  const token: TokenRecord = {
    value: tokenValue(world),
    type: 'SYSTEM_USER',
    appId: grant.appId,
    systemUserId: systemUser.id,
    scopes: [...grant.granted],
    granularScopes: grant.granularScopes.map((entry) => ({ ...entry })),
    issuedAt: nowSeconds,
    expiresAt: lifetimeSeconds === 0 ? 0 : nowSeconds + lifetimeSeconds,
    dataAccessExpiresAt: 0,
    longLived: true,
  };
  world.tokens.set(token.value, token);
  return token;
}

/**
 * A Page token obtained with a user (or system user) token: same scopes; with a long-lived token it never expires,
 * otherwise it ends with the user token
 * (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived). Repeated reads give the
 * same token.
 */
export function pageTokenFor(world: World, userToken: TokenRecord, pageId: string): TokenRecord {
  const cache = world.ext('page-tokens', () => new Map<string, string>());
  const key = `${userToken.value}:${pageId}`;
  const cached = cache.get(key);
  if (cached && world.tokens.has(cached)) return world.tokens.get(cached)!;
  const token: TokenRecord = {
    value: tokenValue(world),
    type: 'PAGE',
    appId: userToken.appId,
    userId: userToken.userId,
    systemUserId: userToken.systemUserId,
    pageId,
    scopes: [...userToken.scopes],
    granularScopes: userToken.granularScopes.map((entry) => ({ ...entry })),
    issuedAt: userToken.issuedAt,
    expiresAt: userToken.longLived ? 0 : userToken.expiresAt,
    dataAccessExpiresAt: userToken.dataAccessExpiresAt,
    longLived: userToken.longLived,
  };
  world.tokens.set(token.value, token);
  cache.set(key, token.value);
  return token;
}

export function issueAppToken(world: World, appId: string, nowSeconds: number): TokenRecord {
  const value = `${appId}|${world.rng.stream('tokens').chars(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`;
  const token = appTokenRecord(value, appId, nowSeconds);
  world.tokens.set(token.value, token);
  return token;
}

/** Every non-app token a user holds for an app (to revoke or invalidate them together). */
export function tokensOf(world: World, appId: string, user: UserRecord): TokenRecord[] {
  return [...world.tokens.values()].filter((token) => token.appId === appId && token.userId === user.id);
}
