import type { SandboxModule } from '../core/sandbox-module';
import { accessTokenRoutes } from './access-token.route';
import { applicationNode } from './application.node';
import { appRoleNode, appRolesEdge } from './app-roles.edge';
import { debugTokenRoute } from './debug-token.route';
import { registerDialogRoutes } from './dialog.routes';
import { seedLoginConfigurations } from './login-configurations';
import { systemUserNode } from './system-user.node';
import { permissionNode, userNode } from './user.node';

/**
 * Facebook Login and Facebook Login for Business: the dialog, tokens (system user tokens included), `debug_token`,
 * `/me`, permissions, the app node and its roles.
 */
export const oauthModule: SandboxModule = {
  name: 'oauth',
  register(registry) {
    registry.node(userNode);
    registry.node(permissionNode);
    registry.node(systemUserNode);
    registry.node(applicationNode);
    registry.node(appRoleNode);
    registry.edge('Application', 'roles', appRolesEdge);
    for (const route of accessTokenRoutes) registry.root(route);
    registry.root(debugTokenRoute);
    // `me` is whoever the token speaks for: the Page for a Page token, the user, or the system user.
    registry.alias('me', (ctx) => {
      const identity = ctx.identity;
      if (identity?.page) return { type: 'Page', id: identity.page.id };
      if (identity?.user) return { type: 'User', id: identity.user.id };
      if (identity?.systemUser) return { type: 'SystemUser', id: identity.systemUser.id };
      return undefined;
    });
    registry.alias('app', (ctx) => (ctx.identity ? { type: 'Application', id: ctx.identity.app.id } : undefined));
  },
  seed: (world) => seedLoginConfigurations(world),
  routes: registerDialogRoutes,
};
