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
  if (token.userId) data['user_id'] = token.userId;
  return data;
}

/**
 * `GET /debug_token?input_token=…` (notes §1.4). An invalid token is not an error of the call: it answers
 * `is_valid: false` with the reason in `data.error`.
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
        throw GraphErrors.invalidParameter('You must provide an app access token, or a user access token that is an owner or developer of the app');
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
