import type { EdgeSpec, NodeTypeSpec } from '../core/graph-registry';
import type { AppRecord, AppRole } from '../world/types';

/**
 * `GET /{app-id}/roles` with an app token: who administers, develops or tests the app
 * (https://developers.facebook.com/docs/graph-api/reference/application/roles/). In development mode these are the only
 * people whose logins and leads reach the app.
 */
export const appRolesEdge: EdgeSpec<AppRecord> = {
  list: {
    access: { tokens: ['APP'] },
    itemType: 'AppRole',
    items: (app) => app.roles.map((role) => ({ appId: app.id, ...role })),
  },
};

export const appRoleNode: NodeTypeSpec<AppRole & { appId: string }> = {
  type: 'AppRole',
  load: () => undefined,
  idOf: (entry) => entry.userId,
  defaultFields: ['app_id', 'user', 'role'],
  fields: {
    app_id: (entry) => entry.appId,
    user: (entry) => entry.userId,
    role: (entry) => entry.role,
  },
};
