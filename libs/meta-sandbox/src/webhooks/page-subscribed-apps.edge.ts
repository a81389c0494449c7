import type { GraphContext } from '../core/graph-context';
import type { EdgeSpec, NodeTypeSpec } from '../core/graph-registry';
import type { AppRecord, PageInstallRecord, PageRecord } from '../world/types';
import { GraphError } from '../core/graph-error';
import { GraphErrors } from '../core/graph-errors';

/**
 * Installing the app on a Page needs that Page's token and `pages_manage_metadata`
 * (https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps).
 */
const PAGE_TOKEN = { tokens: ['PAGE' as const] };
const MANAGE = { tokens: ['PAGE' as const], permissions: ['pages_manage_metadata'] };

function requireOwnPage(ctx: GraphContext, page: PageRecord): void {
  if (ctx.identity?.page?.id !== page.id) {
    throw new GraphError({ code: 210, message: '(#210) A page access token is required to request this resource.' });
  }
}

const installsOf = (ctx: GraphContext, page: PageRecord): PageInstallRecord[] => {
  const list = ctx.world.pageInstalls.get(page.id) ?? [];
  ctx.world.pageInstalls.set(page.id, list);
  return list;
};

function parseFields(raw: string | undefined): string[] {
  if (!raw) return [];
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      return (JSON.parse(text) as unknown[]).map(String);
    } catch {
      throw GraphErrors.invalidParameter('Param subscribed_fields must be a list of field names');
    }
  }
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

export const pageSubscribedAppsEdge: EdgeSpec<PageRecord> = {
  list: {
    access: PAGE_TOKEN,
    itemType: 'SubscribedApp',
    items: (page, ctx) => {
      requireOwnPage(ctx, page);
      return installsOf(ctx, page).map((install) => ({ app: ctx.world.apps.get(install.appId)!, install }));
    },
  },
  create: {
    access: MANAGE,
    handle: (ctx, page) => {
      requireOwnPage(ctx, page);
      const fields = parseFields(ctx.params['subscribed_fields']);
      if (fields.length === 0) throw GraphErrors.invalidParameter('The parameter subscribed_fields is required.');
      const list = installsOf(ctx, page);
      const appId = ctx.identity!.app.id;
      const existing = list.find((install) => install.appId === appId);
      if (existing) existing.subscribedFields = fields;
      else list.push({ appId, subscribedFields: fields });
      return { success: true };
    },
  },
  remove: {
    access: MANAGE,
    handle: (ctx, page) => {
      requireOwnPage(ctx, page);
      const list = installsOf(ctx, page);
      const index = list.findIndex((install) => install.appId === ctx.identity!.app.id);
      if (index >= 0) list.splice(index, 1);
      return { success: true };
    },
  },
};

export const subscribedAppNode: NodeTypeSpec<{ app: AppRecord; install: PageInstallRecord }> = {
  type: 'SubscribedApp',
  load: () => undefined,
  idOf: (entry) => entry.app.id,
  defaultFields: ['category', 'link', 'name', 'id', 'subscribed_fields'],
  fields: {
    id: (entry) => entry.app.id,
    name: (entry) => entry.app.name,
    category: (entry) => entry.app.category,
    link: (entry) => entry.app.link,
    subscribed_fields: (entry) => entry.install.subscribedFields,
  },
};
