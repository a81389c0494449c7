import type { NodeTypeSpec } from '../core/graph-registry';
import type { SystemUserRecord } from '../world/types';
import { graphTime } from '../core/clock';
import { permissionRows } from './user.node';

/**
 * A business integration system user (`/me` with its token). `client_business_id` is the business that installed the
 * app, the one a Login for Business integration reads from the token
 * (https://developers.facebook.com/documentation/facebook-login/facebook-login-for-business/conversions-api-integration-template/).
 * `permissions` lists what the configuration granted; the asset edges (`accounts`, `adaccounts`) are added by the
 * assets module.
 */
export const systemUserNode: NodeTypeSpec<SystemUserRecord> = {
  type: 'SystemUser',
  load: (id, world) => world.systemUsers.get(id),
  idOf: (systemUser) => systemUser.id,
  visible: (systemUser, ctx) => ctx.identity?.systemUser?.id === systemUser.id,
  defaultFields: ['id', 'name'],
  fields: {
    id: (systemUser) => systemUser.id,
    name: (systemUser) => systemUser.name,
    client_business_id: (systemUser) => systemUser.businessId,
    created_time: (systemUser) => graphTime(systemUser.createdTime),
  },
  edges: {
    permissions: {
      list: { access: { tokens: ['SYSTEM_USER'] }, itemType: 'Permission', items: (systemUser, ctx) => permissionRows(ctx, systemUser.id) },
    },
  },
};
