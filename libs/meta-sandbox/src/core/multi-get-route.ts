import type { RootRoute } from './graph-registry';
import { GraphError } from './graph-error';
import { GraphErrors } from './graph-errors';
import { renderNode } from './node-renderer';

/**
 * `GET /?ids=a,b,c&fields=…` returns an object keyed by id; every id counts as a call
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting). An unknown id fails the whole request
 * with code 803, as Meta does.
 */
export const multiGetRoute: RootRoute = {
  method: 'GET',
  path: '',
  async handle(ctx) {
    const ids = (ctx.params['ids'] ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length === 0) throw GraphErrors.unsupportedRequest('GET', '/');
    const loaded = [];
    const missing: string[] = [];
    for (const id of ids) {
      try {
        loaded.push({ id, ...ctx.runtime.dispatcher.load(ctx, id) });
      } catch {
        missing.push(id);
      }
    }
    if (missing.length > 0) {
      throw new GraphError({ code: 803, message: `(#803) Some of the aliases you requested do not exist: ${missing.join(',')}` });
    }
    const out: Record<string, unknown> = {};
    for (const [index, item] of loaded.entries()) {
      const charges = item.node.usage?.(item.obj, ctx) ?? [];
      ctx.charges.push(...charges);
      // The request itself was charged once; each further id is one more call.
      if (index > 0) ctx.runtime.usage.charge(ctx.identity?.app.id, charges, 20);
      out[item.id] = await renderNode(ctx, item.node.type, item.obj, ctx.fields);
    }
    return out;
  },
};
