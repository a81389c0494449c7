import type { NodeTypeSpec } from '../core/graph-registry';
import type { BusinessRecord, PageRecord } from '../world/types';
import { pageTokenFor } from '../oauth/token-issuer';
import { canSeePage, pageTasksOf, pageUsage } from './asset-access';

/**
 * A Facebook Page. `access_token` is the Page token for the calling user or system user
 * (https://developers.facebook.com/docs/pages-api/overview); `tasks` are what the caller may do on the Page (the
 * product needs ADVERTISE to read leads); `leadgen_forms`, `has_lead_access` and `subscribed_apps` are added by the
 * leads and webhooks modules.
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
    tasks: (page, ctx) => pageTasksOf(ctx, page.id),
    // Only a user (or system user) token can mint a Page token; asked with a Page token, Meta hands back the same token.
    access_token: (page, ctx) => {
      const identity = ctx.identity;
      if (!identity || !pageTasksOf(ctx, page.id)) return undefined;
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
