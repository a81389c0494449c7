import type { SandboxModule } from '../core/sandbox-module';
import { accessTokenRoutes } from './access-token.route';
import { applicationNode } from './application.node';
import { debugTokenRoute } from './debug-token.route';
import { registerDialogRoutes } from './dialog.routes';
import { permissionNode, userNode } from './user.node';

/** Facebook Login: the dialog, tokens, `debug_token`, `/me`, permissions and the app node. */
export const oauthModule: SandboxModule = {
  name: 'oauth',
  register(registry) {
    registry.node(userNode);
    registry.node(permissionNode);
    registry.node(applicationNode);
    for (const route of accessTokenRoutes) registry.root(route);
    registry.root(debugTokenRoute);
    // `me` is whoever the token speaks for: the user, or the Page for a Page token.
    registry.alias('me', (ctx) => {
      const identity = ctx.identity;
      if (identity?.page) return { type: 'Page', id: identity.page.id };
      if (identity?.user) return { type: 'User', id: identity.user.id };
      return undefined;
    });
    registry.alias('app', (ctx) => (ctx.identity ? { type: 'Application', id: ctx.identity.app.id } : undefined));
  },
  routes: registerDialogRoutes,
};
