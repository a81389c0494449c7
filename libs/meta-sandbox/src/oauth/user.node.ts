import type { GraphContext } from '../core/graph-context';
import type { NodeTypeSpec } from '../core/graph-registry';
import type { UserRecord } from '../world/types';
import { GraphErrors } from '../core/graph-errors';
import { tokensOf } from './token-issuer';

/** `/me/permissions`: what the person (or system user) granted the calling app, and what they declined. */
export function permissionRows(ctx: GraphContext, holderId: string): { permission: string; status: string }[] {
  const grant = ctx.world.grants.get(ctx.world.grantKey(ctx.identity!.app.id, holderId));
  if (!grant) return [];
  return [
    ...grant.granted.map((permission) => ({ permission, status: 'granted' })),
    ...grant.declined.map((permission) => ({ permission, status: 'declined' })),
  ];
}

/**
 * The person behind a user token (`/me`). Other users are invisible to the app. Asset edges (`accounts`,
 * `adaccounts`, `businesses`) are added by the assets module.
 */
export const userNode: NodeTypeSpec<UserRecord> = {
  type: 'User',
  load: (id, world) => world.users.get(id),
  idOf: (user) => user.id,
  visible: (user, ctx) => ctx.identity?.user?.id === user.id,
  defaultFields: ['id', 'name'],
  fields: {
    id: (user) => user.id,
    name: (user) => user.name,
    first_name: (user) => user.firstName,
    last_name: (user) => user.lastName,
    short_name: (user) => user.firstName,
    // Without the email permission Meta leaves the field out rather than failing.
    email: (user, ctx) => (ctx.identity?.token.scopes.includes('email') ? user.email : undefined),
    picture: (user) => ({
      data: {
        height: 50,
        is_silhouette: false,
        url: `https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=${user.id}&height=50&width=50`,
        width: 50,
      },
    }),
  },
  edges: {
    permissions: {
      list: {
        access: { tokens: ['USER'] },
        itemType: 'Permission',
        items: (user, ctx) => permissionRows(ctx, user.id),
      },
      /**
       * `DELETE /me/permissions` removes the app (every token dies with 190/458);
       * `DELETE /me/permissions/{name}` revokes one permission.
       */
      remove: {
        access: { tokens: ['USER'] },
        handle: (ctx, user) => {
          const appId = ctx.identity!.app.id;
          const key = ctx.world.grantKey(appId, user.id);
          const one = ctx.path.split('/')[2] ?? ctx.params['permission'];
          if (!one) {
            ctx.world.grants.delete(key);
            return { success: true };
          }
          const grant = ctx.world.grants.get(key);
          if (!grant || !grant.granted.includes(one)) throw GraphErrors.invalidParameter(`Permission ${one} is not granted`);
          if (one === 'public_profile') throw GraphErrors.invalidParameter('public_profile cannot be revoked on its own');
          grant.granted = grant.granted.filter((name) => name !== one);
          grant.declined = [...grant.declined, one];
          grant.granularScopes = grant.granularScopes.filter((entry) => entry.scope !== one);
          for (const token of tokensOf(ctx.world, appId, user)) {
            token.scopes = token.scopes.filter((name) => name !== one);
            token.granularScopes = token.granularScopes.filter((entry) => entry.scope !== one);
          }
          return { success: true };
        },
      },
    },
  },
};

/** A row of `/me/permissions`; it has no id of its own. */
export const permissionNode: NodeTypeSpec<{ permission: string; status: string }> = {
  type: 'Permission',
  load: () => undefined,
  idOf: (row) => row.permission,
  defaultFields: ['permission', 'status'],
  fields: { permission: (row) => row.permission, status: (row) => row.status },
};
