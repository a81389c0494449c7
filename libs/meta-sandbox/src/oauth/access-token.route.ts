import type { GraphContext } from '../core/graph-context';
import type { RootRoute } from '../core/graph-registry';
import { GraphError } from '../core/graph-error';
import { GraphErrors } from '../core/graph-errors';
import { identify } from '../core/token-auth';
import type { GrantRecord } from '../world/types';
import { issueAppToken, issueSystemUserToken, issueUserToken } from './token-issuer';

/** Authorization codes live 10 minutes. */
const CODE_TTL_MS = 10 * 60_000;

function requireApp(ctx: GraphContext) {
  const app = ctx.world.apps.get(ctx.params['client_id'] ?? '');
  if (!app) throw new GraphError({ code: 101, message: 'Error validating application. Invalid application ID.' });
  if (ctx.params['client_secret'] !== app.secret) throw new GraphError({ code: 1, message: 'Error validating client secret.' });
  return app;
}

function exchangeCode(ctx: GraphContext) {
  const app = requireApp(ctx);
  const record = ctx.world.codes.get(ctx.params['code'] ?? '');
  if (!record || record.appId !== app.id) throw GraphErrors.invalidParameter('Invalid verification code format.');
  if (record.used) throw new GraphError({ code: 100, subcode: 36009, message: 'This authorization code has been used.' });
  if (ctx.runtime.clock.now() - record.createdAt > CODE_TTL_MS) {
    throw new GraphError({ code: 100, subcode: 36007, message: 'This authorization code has expired.' });
  }
  if (ctx.params['redirect_uri'] !== record.redirectUri) {
    throw new GraphError({
      code: 100,
      subcode: 36008,
      message:
        'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    });
  }
  const grant = ctx.world.grants.get(ctx.world.grantKey(app.id, record.systemUserId ?? record.userId));
  if (!grant) throw GraphErrors.invalidParameter('Invalid verification code format.');
  record.used = true;
  if (record.systemUserId) return systemUserTokenAnswer(ctx, grant, record.systemUserId, record.systemUserTokenSeconds ?? 0);
  const token = issueUserToken(ctx.world, grant, ctx.now(), { longLived: false });
  return { access_token: token.value, token_type: 'bearer', expires_in: token.expiresAt - ctx.now() };
}

/** A token that never expires is answered without `expires_in`. */
function systemUserTokenAnswer(ctx: GraphContext, grant: GrantRecord, systemUserId: string, lifetimeSeconds: number) {
  const systemUser = ctx.world.systemUsers.get(systemUserId);
  if (!systemUser) throw GraphErrors.invalidParameter('Invalid verification code format.');
  const token = issueSystemUserToken(ctx.world, grant, systemUser, ctx.now(), lifetimeSeconds);
  return token.expiresAt === 0
    ? { access_token: token.value, token_type: 'bearer' }
    : { access_token: token.value, token_type: 'bearer', expires_in: token.expiresAt - ctx.now() };
}

function exchangeLongLived(ctx: GraphContext) {
  const app = requireApp(ctx);
  const given = ctx.params['fb_exchange_token'];
  if (!given) throw GraphErrors.invalidParameter('Missing fb_exchange_token parameter');
  // An expired or revoked token cannot be exchanged: the same 190 errors as using it.
  const identity = identify(ctx.world, given, ctx.now());
  if (identity.token.type !== 'USER' || identity.app.id !== app.id) {
    throw GraphErrors.invalidParameter('fb_exchange_token must be a user access token of this app');
  }
  const grant = ctx.world.grants.get(ctx.world.grantKey(app.id, identity.user!.id))!;
  const token = issueUserToken(
    ctx.world,
    { ...grant, granted: identity.token.scopes, granularScopes: identity.token.granularScopes },
    ctx.now(),
    {
      longLived: true,
      dataAccessExpiresAt: identity.token.dataAccessExpiresAt,
    },
  );
  return { access_token: token.value, token_type: 'bearer', expires_in: token.expiresAt - ctx.now() };
}

function clientCredentials(ctx: GraphContext) {
  const app = requireApp(ctx);
  return { access_token: issueAppToken(ctx.world, app.id, ctx.now()).value, token_type: 'bearer' };
}

function handle(ctx: GraphContext) {
  const grantType = ctx.params['grant_type'];
  if (grantType === 'fb_exchange_token') return exchangeLongLived(ctx);
  if (grantType === 'client_credentials') return clientCredentials(ctx);
  if (grantType !== undefined && grantType !== 'authorization_code') {
    throw GraphErrors.invalidParameter(`Unsupported grant_type: ${grantType}`);
  }
  if (!ctx.params['client_id']) throw GraphErrors.invalidParameter('Missing client_id parameter.');
  if (!ctx.params['code']) throw GraphErrors.invalidParameter('Missing code parameter.');
  return exchangeCode(ctx);
}

const access = { tokens: 'none' as const, skipAppsecretProof: true };

/**
 * `/oauth/access_token`: code exchange (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow),
 * long-lived exchange (https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived), app
 * tokens, and system user tokens from a Login for Business code.
 */
export const accessTokenRoutes: RootRoute[] = [
  { method: 'GET', path: 'oauth/access_token', access, handle },
  { method: 'POST', path: 'oauth/access_token', access, handle },
];
