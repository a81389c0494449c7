import type { GraphContext } from '../core/graph-context';
import type { RootRoute } from '../core/graph-registry';
import type { TokenRecord } from '../world/types';
import { GraphError } from '../core/graph-error';
import { GraphErrors } from '../core/graph-errors';
import { identify } from '../core/token-auth';

function describe(ctx: GraphContext, token: TokenRecord): Record<string, unknown> {
  const app = ctx.world.apps.get(token.appId);
  const data: Record<string, unknown> = {
    app_id: token.appId,
    type: token.type,
    application: app?.name,
  };
  if (token.type !== 'APP') {
    data['data_access_expires_at'] = token.dataAccessExpiresAt;
    data['expires_at'] = token.expiresAt;
  }
  data['is_valid'] = true;
  if (token.type !== 'APP') data['issued_at'] = token.issuedAt;
  if (token.pageId) data['profile_id'] = token.pageId;
  data['scopes'] = token.scopes;
  if (token.type !== 'APP') {
    data['granular_scopes'] = token.granularScopes.map((entry) =>
      entry.targetIds ? { scope: entry.scope, target_ids: entry.targetIds } : { scope: entry.scope },
    );
  }
  // A system user token speaks for the system user: its id is the token's user_id, its business is in the
  // business_management target_ids.
  const userId = token.userId ?? token.systemUserId;
  if (userId) data['user_id'] = userId;
  return data;
}

/**
 * `GET /debug_token?input_token=…` (https://developers.facebook.com/docs/graph-api/reference/debug_token). An invalid
 * token is not an error of the call: it answers `is_valid: false` with the reason in `data.error`. `expires_at` 0 means
 * the token never expires (Page tokens from a long-lived token, system user tokens); `profile_id` is the Page of a Page
 * token.
 */
export const debugTokenRoute: RootRoute = {
  method: 'GET',
  path: 'debug_token',
  access: { tokens: ['APP', 'USER'] },
  handle(ctx) {
    const input = ctx.params['input_token'];
    if (!input) throw GraphErrors.invalidParameter('The parameter input_token is required');
    const record = ctx.world.tokens.get(input);
    try {
      const identity = identify(ctx.world, input, ctx.now());
      if (identity.app.id !== ctx.identity!.app.id) {
        throw GraphErrors.invalidParameter(
          'You must provide an app access token, or a user access token that is an owner or developer of the app',
        );
      }
      return { data: describe(ctx, identity.token) };
    } catch (error) {
      if (!(error instanceof GraphError) || error.code !== 190) throw error;
      const data: Record<string, unknown> = record ? describe(ctx, record) : { scopes: [] };
      data['is_valid'] = false;
      data['error'] = { code: error.code, message: error.message, ...(error.subcode ? { subcode: error.subcode } : {}) };
      return { data };
    }
  },
};
