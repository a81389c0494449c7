import type { NodeTypeSpec } from '../core/graph-registry';
import type { BusinessRecord, PageRecord } from '../world/types';
import { pageTokenFor } from '../oauth/token-issuer';
import { canSeePage, pageUsage } from './asset-access';

const tasksOf = (page: PageRecord, ctx: Parameters<NonNullable<NodeTypeSpec<PageRecord>['visible']>>[1]) =>
  ctx.identity?.user?.pageRoles.find((role) => role.pageId === page.id)?.tasks;

/**
 * A Facebook Page. `access_token` is the Page token for the calling user (notes §4.1); `leadgen_forms` and
 * `subscribed_apps` are added by the leads and webhooks modules.
 */
export const pageNode: NodeTypeSpec<PageRecord> = {
  type: 'Page',
  load: (id, world) => world.pages.get(id),
  idOf: (page) => page.id,
  visible: (page, ctx) => canSeePage(ctx, page.id),
  usage: (page) => pageUsage(page.id),
  defaultFields: ['name', 'id'],
  fields: {
    id: (page) => page.id,
    name: (page) => page.name,
    category: (page) => page.category,
    category_list: (page) => [{ id: '2255', name: page.category }],
    link: (page) => page.link,
    followers_count: (page) => page.followersCount,
    tasks: (page, ctx) => tasksOf(page, ctx),
    // Only a user token can mint a Page token; asked with a Page token, Meta hands back the same token.
    access_token: (page, ctx) => {
      const identity = ctx.identity;
      if (!identity?.user || !tasksOf(page, ctx)) return undefined;
      return identity.page ? identity.token.value : pageTokenFor(ctx.world, identity.token, page.id).value;
    },
    business: { nodeType: 'BusinessRef', get: (page, ctx) => ctx.world.businesses.get(page.businessId) },
  },
};

/** A business seen through another object (`business{id,name}`): no permission of its own needed. */
export const businessRefNode: NodeTypeSpec<BusinessRecord> = {
  type: 'BusinessRef',
  load: () => undefined,
  idOf: (business) => business.id,
  defaultFields: ['id', 'name'],
  fields: { id: (business) => business.id, name: (business) => business.name },
};
