import type { GraphContext } from './graph-context';
import type { EdgeListSpec, FieldSpec } from './graph-registry';
import type { FieldRequest } from './field-selection';
import type { PageWindow } from './paging';
import { formatFields } from './field-selection';
import { GraphErrors } from './graph-errors';
import { pageOf, pagingObject, parseLimit } from './paging';
import { checkPermissions } from './token-auth';

/** A handler result that should be rendered as a node with the caller's `fields`. */
export class NodeResult {
  constructor(
    readonly type: string,
    readonly obj: unknown,
  ) {}
}

export const asNode = (type: string, obj: unknown): NodeResult => new NodeResult(type, obj);

function normalize<T>(spec: FieldSpec<T> | ((obj: T, ctx: GraphContext, modifiers: Record<string, string>) => unknown)): FieldSpec<T> {
  return typeof spec === 'function' ? { get: spec } : spec;
}

/** Renders one object: requested fields, nested nodes and edges; `id` always comes back, as Graph does. */
export async function renderNode(
  ctx: GraphContext,
  type: string,
  obj: unknown,
  fields: FieldRequest[] | undefined,
): Promise<Record<string, unknown>> {
  const spec = ctx.runtime.registry.requireNode(type);
  const requested: FieldRequest[] = fields ?? spec.defaultFields.map((name) => ({ name, modifiers: {} }));
  const out: Record<string, unknown> = {};
  for (const field of requested) {
    const fieldSpec = spec.fields[field.name];
    const edge = spec.edges?.[field.name]?.list;
    if (fieldSpec) {
      const value = await renderField(ctx, normalize(fieldSpec), obj, field);
      if (value !== undefined) out[field.name] = value;
    } else if (edge) {
      out[field.name] = await renderEdge(ctx, obj, edge, {
        fields: field.children,
        limit: field.modifiers['limit'],
        after: field.modifiers['after'],
        before: field.modifiers['before'],
        summary: field.modifiers['summary'] === 'true',
        modifiers: field.modifiers,
        link: (extra) => ctx.runtime.graphUrl(ctx, `${spec.idOf(obj)}/${field.name}`, { ...nestedEdgeParams(ctx, field), ...extra }),
      });
    } else {
      throw GraphErrors.nonexistingField(field.name, spec.type);
    }
  }
  for (const name of spec.alwaysFields?.(obj, ctx) ?? []) {
    const fieldSpec = spec.fields[name];
    if (name in out || !fieldSpec) continue;
    const value = await renderField(ctx, normalize(fieldSpec), obj, { name, modifiers: {} });
    if (value !== undefined) out[name] = value;
  }
  if (spec.fields['id'] && !('id' in out)) out['id'] = spec.idOf(obj);
  return out;
}

async function renderField(ctx: GraphContext, spec: FieldSpec<unknown>, obj: unknown, field: FieldRequest): Promise<unknown> {
  if (spec.permissions) checkPermissions(ctx, { permissions: spec.permissions });
  const value = spec.get(obj, ctx, field.modifiers);
  if (value === undefined || value === null || !spec.nodeType) return value;
  if (Array.isArray(value)) return Promise.all(value.map((item) => renderNode(ctx, spec.nodeType!, item, field.children)));
  return renderNode(ctx, spec.nodeType, value, field.children);
}

export interface EdgeRenderOptions {
  fields?: FieldRequest[];
  limit?: string;
  after?: string;
  before?: string;
  summary: boolean;
  modifiers: Record<string, string>;
  link?: (extra: Record<string, string>) => string;
}

/**
 * The query a nested edge's `paging.next` repeats (https://developers.facebook.com/docs/graph-api/field-expansion):
 * the caller's token and proof, the edge's own modifiers (`limit`, `effective_status`, `date_preset`, …) and its
 * sub-fields, so the link serves the next page of the same thing on `/{parent-id}/{edge}`.
 */
function nestedEdgeParams(ctx: GraphContext, field: FieldRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of ['access_token', 'appsecret_proof', 'appsecret_time']) {
    const value = ctx.params[name];
    if (value !== undefined) params[name] = value;
  }
  const { after: _after, before: _before, ...modifiers } = field.modifiers;
  Object.assign(params, modifiers);
  if (field.children) params['fields'] = formatFields(field.children);
  return params;
}

/** Renders a list edge as `{data, paging, summary?}`. */
export async function renderEdge(
  ctx: GraphContext,
  target: unknown,
  edge: EdgeListSpec<any>,
  options: EdgeRenderOptions,
): Promise<Record<string, unknown>> {
  const limit = parseLimit(options.limit, edge.maxLimit ?? 100);
  const request = { limit, after: options.after, before: options.before };
  let window: PageWindow<unknown>;
  let all: unknown[] | undefined;
  if (edge.page) {
    window = await edge.page(target, ctx, options.modifiers, request);
  } else {
    all = await edge.items!(target, ctx, options.modifiers);
    const itemSpec = ctx.runtime.registry.requireNode(edge.itemType);
    window = pageOf(all, (item) => itemSpec.idOf(item), request);
  }
  const data = [];
  for (const item of window.items) data.push(await renderNode(ctx, edge.itemType, item, options.fields));
  const out: Record<string, unknown> = { data };
  const paging = pagingObject(window, options.link);
  if (paging) out['paging'] = paging;
  if (options.summary && all) out['summary'] = edge.summary ? edge.summary(target, ctx, all) : { total_count: all.length };
  return out;
}
