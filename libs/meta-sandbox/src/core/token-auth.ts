import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GraphContext, Identity } from './graph-context';
import type { AccessRule } from './graph-registry';
import { GraphError } from './graph-error';
import { GraphErrors } from './graph-errors';
import type { World } from '../world/world';
import type { AppRecord, TokenRecord } from '../world/types';

/**
 * A token comes from `access_token` or an `Authorization: Bearer|OAuth …` header
 * (https://developers.facebook.com/docs/graph-api/overview).
 */
export function tokenFrom(params: Record<string, string>, headers: Record<string, string | undefined>): string | undefined {
  if (params['access_token']) return params['access_token'];
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(headers['authorization'] ?? '');
  return match?.[1]?.trim();
}

const pstDate = (unixSeconds: number): string => new Date(unixSeconds * 1000).toUTCString().replace('GMT', 'UTC');

/**
 * Turns a token string into who is calling, or the 190 error Meta gives for it. App tokens are either the literal
 * `{app-id}|{app-secret}` or one issued by `client_credentials`.
 */
export function identify(world: World, value: string, nowSeconds: number): Identity {
  const pipe = value.indexOf('|');
  if (pipe > 0) {
    const app = world.apps.get(value.slice(0, pipe));
    if (app && value.slice(pipe + 1) === app.secret) {
      return { app, token: appTokenRecord(value, app.id, nowSeconds) };
    }
  }
  const token = world.tokens.get(value);
  if (!token) throw GraphErrors.cannotParseToken();
  const app = world.apps.get(token.appId);
  if (!app) throw GraphErrors.cannotParseToken();
  switch (token.invalidation) {
    case 'password_changed':
      throw GraphErrors.passwordChanged();
    case 'logged_out':
      throw GraphErrors.sessionInvalid();
    case 'deauthorized':
      throw GraphErrors.appNotAuthorized(app.id);
    case 'expired':
      throw GraphErrors.tokenExpired(pstDate(token.issuedAt), pstDate(nowSeconds));
  }
  if (token.expiresAt !== 0 && token.expiresAt <= nowSeconds) {
    throw GraphErrors.tokenExpired(pstDate(token.expiresAt), pstDate(nowSeconds));
  }
  if (token.type === 'APP') return { app, token };
  if (token.systemUserId) return identifySystemUser(world, app, token);
  const user = token.userId ? world.users.get(token.userId) : undefined;
  if (!user) throw GraphErrors.cannotParseToken();
  // Removing the app (DELETE /me/permissions) kills every token it issued for that user.
  if (!world.grants.has(world.grantKey(app.id, user.id))) throw GraphErrors.appNotAuthorized(app.id);
  if (token.type === 'PAGE') {
    const page = token.pageId ? world.pages.get(token.pageId) : undefined;
    if (!page || !user.pageRoles.some((role) => role.pageId === page.id)) throw GraphErrors.noPageRole();
    return { app, user, page, token };
  }
  return { app, user, token };
}

/**
 * A business integration system user token, or a Page token taken with one. Removing the app from the business
 * (Business Settings → Integrations → Connected apps) ends the grant, and with it every such token (190/458).
 */
function identifySystemUser(world: World, app: AppRecord, token: TokenRecord): Identity {
  const systemUser = world.systemUsers.get(token.systemUserId!);
  if (!systemUser || systemUser.appId !== app.id) throw GraphErrors.cannotParseToken();
  if (!world.grants.has(world.grantKey(app.id, systemUser.id))) throw GraphErrors.appNotAuthorized(app.id);
  if (token.type !== 'PAGE') return { app, systemUser, token };
  const page = token.pageId ? world.pages.get(token.pageId) : undefined;
  if (!page || !systemUser.pageRoles.some((role) => role.pageId === page.id)) throw GraphErrors.noPageRole();
  return { app, systemUser, page, token };
}

/**
 * An app token's record: no user, no scopes, never expires. The literal `{app-id}|{app-secret}` is identified as one
 * on every call; `client_credentials` issues and stores one.
 */
export function appTokenRecord(value: string, appId: string, nowSeconds: number): TokenRecord {
  return {
    value,
    type: 'APP',
    appId,
    scopes: [],
    granularScopes: [],
    issuedAt: nowSeconds,
    expiresAt: 0,
    dataAccessExpiresAt: 0,
    longLived: true,
  };
}

const hmacHex = (key: string, message: string): string => createHmac('sha256', key).update(message).digest('hex');

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * appsecret_proof (https://developers.facebook.com/docs/graph-api/securing-requests): classic `HMAC(secret, token)`,
 * or `HMAC(secret, token|time)` with `appsecret_time` no older than 5 minutes. Required for user, page and system user
 * tokens when the app has "Require App Secret" on; app tokens carry the secret already.
 */
export function checkAppsecretProof(identity: Identity, params: Record<string, string>, nowSeconds: number): void {
  if (!identity.app.requireAppsecretProof || identity.token.type === 'APP') return;
  const proof = params['appsecret_proof'];
  if (!proof) throw GraphErrors.appsecretProofRequired();
  const time = params['appsecret_time'];
  let expected: string;
  if (time !== undefined) {
    const seconds = Number(time);
    if (!Number.isInteger(seconds)) throw GraphErrors.appsecretProofInvalid();
    if (nowSeconds - seconds > 300 || seconds - nowSeconds > 300) throw GraphErrors.appsecretTimeExpired();
    expected = hmacHex(identity.app.secret, `${identity.token.value}|${time}`);
  } else {
    expected = hmacHex(identity.app.secret, identity.token.value);
  }
  if (!sameHex(proof.toLowerCase(), expected)) throw GraphErrors.appsecretProofInvalid();
}

/** The token's granted permissions. Page tokens carry the scopes of the user token they came from. */
export function grantedScopes(ctx: GraphContext): string[] {
  return ctx.identity?.token.scopes ?? [];
}

export function checkPermissions(ctx: GraphContext, access: AccessRule): void {
  const granted = grantedScopes(ctx);
  const denied = (permission: string): GraphError =>
    access.deniedCode === 10
      ? GraphErrors.applicationPermission(`Requires ${permission} permission for this action`)
      : GraphErrors.permissionMissing(permission);
  for (const permission of access.permissions ?? []) {
    if (!granted.includes(permission)) throw denied(permission);
  }
  if (access.anyPermission && !access.anyPermission.some((permission) => granted.includes(permission))) {
    throw denied(access.anyPermission.join(' or '));
  }
}

/** Whether a granular scope lets this token reach a given object (no `target_ids` means all objects). */
export function grantsTarget(ctx: GraphContext, scope: string, targetId: string): boolean {
  const token = ctx.identity?.token;
  if (!token || !token.scopes.includes(scope)) return false;
  const granular = token.granularScopes.find((entry) => entry.scope === scope);
  return !granular?.targetIds || granular.targetIds.includes(targetId);
}
