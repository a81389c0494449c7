import type { GraphContext } from '../core/graph-context';
import type { EdgeSpec, NodeTypeSpec } from '../core/graph-registry';
import type { AppRecord, AppSubscriptionRecord } from '../world/types';
import { GraphErrors } from '../core/graph-errors';
import { verifyCallback } from './handshake';

const OBJECTS = ['page', 'user', 'permissions', 'application', 'instagram', 'whatsapp_business_account'];

/** `fields` arrives as `leadgen,feed` or as a JSON array. */
function parseList(raw: string | undefined): string[] {
  if (!raw) return [];
  const text = raw.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      throw GraphErrors.invalidParameter('Param fields must be a list of field names');
    }
  }
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

const subscriptionsOf = (ctx: GraphContext, app: AppRecord): AppSubscriptionRecord[] => {
  const list = ctx.world.appSubscriptions.get(app.id) ?? [];
  ctx.world.appSubscriptions.set(app.id, list);
  return list;
};

/**
 * Creating or updating a subscription first runs the verification handshake against the callback URL, as Meta
 * does; a wrong echo fails the call and nothing is stored
 * (https://developers.facebook.com/docs/graph-api/reference/app/subscriptions).
 */
async function subscribe(ctx: GraphContext, app: AppRecord): Promise<{ success: true }> {
  const object = ctx.params['object'];
  const callbackUrl = ctx.params['callback_url'];
  const fields = parseList(ctx.params['fields']);
  if (!object || !OBJECTS.includes(object)) throw GraphErrors.invalidParameter('Param object must be one of {' + OBJECTS.join(', ') + '}');
  if (!callbackUrl || !/^https?:\/\/[^\s]+$/.test(callbackUrl) || !URL.canParse(callbackUrl)) {
    throw GraphErrors.invalidParameter('Param callback_url must be a valid URL');
  }
  if (fields.length === 0) throw GraphErrors.invalidParameter('Param fields must be non-empty');
  const verifyToken = ctx.params['verify_token'] ?? '';
  const challenge = String(ctx.runtime.rng('webhook-challenges').int(100_000_000, 2_147_483_647));
  await verifyCallback(callbackUrl, verifyToken, challenge, ctx.runtime.options.webhooks.timeoutMs);
  const list = subscriptionsOf(ctx, app);
  const existing = list.find((entry) => entry.object === object);
  // One callback per object: a new URL replaces the old one, fields accumulate.
  const record: AppSubscriptionRecord = {
    object,
    callbackUrl,
    verifyToken,
    fields: [...new Set([...(existing && existing.callbackUrl === callbackUrl ? existing.fields : []), ...fields])],
    includeValues: ctx.params['include_values'] !== 'false',
    version: ctx.version,
    active: true,
  };
  if (existing) list.splice(list.indexOf(existing), 1, record);
  else list.push(record);
  return { success: true };
}

function unsubscribe(ctx: GraphContext, app: AppRecord): { success: true } {
  const list = subscriptionsOf(ctx, app);
  const object = ctx.params['object'];
  const fields = parseList(ctx.params['fields']);
  for (const entry of [...list]) {
    if (object && entry.object !== object) continue;
    if (fields.length > 0) entry.fields = entry.fields.filter((field) => !fields.includes(field));
    if (fields.length === 0 || entry.fields.length === 0) list.splice(list.indexOf(entry), 1);
  }
  return { success: true };
}

/** Needs an app token (https://developers.facebook.com/docs/graph-api/reference/app/subscriptions). */
const APP_ONLY = { tokens: ['APP' as const] };

export const appSubscriptionsEdge: EdgeSpec<AppRecord> = {
  list: {
    access: APP_ONLY,
    itemType: 'AppSubscription',
    items: (app, ctx) => subscriptionsOf(ctx, app),
  },
  create: { access: APP_ONLY, handle: (ctx, app) => subscribe(ctx, app) },
  remove: { access: APP_ONLY, handle: (ctx, app) => unsubscribe(ctx, app) },
};

export const appSubscriptionNode: NodeTypeSpec<AppSubscriptionRecord> = {
  type: 'AppSubscription',
  load: () => undefined,
  idOf: (entry) => entry.object,
  defaultFields: ['object', 'callback_url', 'active', 'fields'],
  fields: {
    object: (entry) => entry.object,
    callback_url: (entry) => entry.callbackUrl,
    active: (entry) => entry.active,
    fields: (entry) => entry.fields.map((name) => ({ name, version: entry.version })),
  },
};
