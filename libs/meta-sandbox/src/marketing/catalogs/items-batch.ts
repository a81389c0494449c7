import type { GraphContext } from '../../core/graph-context';
import type { World } from '../../world/world';
import type { BatchIssue, BatchRecord, BatchRequest, CatalogRecord } from './catalog-state';
import { GraphErrors } from '../../core/graph-errors';
import { isObject, optionalString, parseEnum, parseJson, requireString } from '../marketing-params';
import { AVAILABILITIES, CONDITIONS, catalogs, newProduct, productByRetailerId } from './catalog-state';

const MAX_REQUESTS = 5000;
const REQUIRED_ON_CREATE = ['id', 'title', 'description', 'availability', 'condition', 'price', 'link', 'image_link', 'brand'];
const PRICE = /^(\d+(?:\.\d{1,2})?) ([A-Z]{3})$/;
/** Sandbox time a batch spends in each state before it finishes. */
const STARTED_MS = 1_000;
const FINISHED_MS = 5_000;

/** Per-item checks on feed field names (`id`, `title`, `price` as "19.99 USD", `link`, `image_link`; notes §7.2). */
function itemIssues(request: unknown, line: number): { request?: BatchRequest; errors: BatchIssue[] } {
  if (!isObject(request) || !isObject(request['data'])) return { errors: [{ line, message: 'Each request needs a method and a data object' }] };
  const method = request['method'];
  const data = request['data'];
  const id = typeof data['id'] === 'string' && data['id'] !== '' ? data['id'] : undefined;
  const errors: BatchIssue[] = [];
  const issue = (message: string) => errors.push({ line, id, message });
  if (method !== 'CREATE' && method !== 'UPDATE' && method !== 'DELETE') issue(`Invalid method ${String(method)}: use CREATE, UPDATE or DELETE`);
  if (!id) issue('Missing required field: id');
  if (method === 'CREATE') for (const field of REQUIRED_ON_CREATE.filter((name) => name !== 'id' && (data[name] === undefined || data[name] === ''))) issue(`Missing required field: ${field}`);
  if (method !== 'DELETE') {
    if (data['price'] !== undefined && !PRICE.test(String(data['price']))) issue(`Invalid price "${String(data['price'])}": use an amount and an ISO 4217 currency, like "19.99 USD"`);
    if (data['availability'] !== undefined && !AVAILABILITIES.includes(data['availability'] as never)) issue(`Invalid availability "${String(data['availability'])}"`);
    if (data['condition'] !== undefined && !CONDITIONS.includes(data['condition'] as never)) issue(`Invalid condition "${String(data['condition'])}"`);
    for (const field of ['link', 'image_link']) {
      if (data[field] !== undefined && !/^https?:\/\/\S+$/.test(String(data[field]))) issue(`Invalid URL in ${field}`);
    }
  }
  return errors.length > 0 ? { errors } : { request: { method: method as BatchRequest['method'], data }, errors };
}

/** `POST /{catalog-id}/items_batch`: validates each item now, applies the valid ones once the batch finishes. */
export function queueItemsBatch(ctx: GraphContext, catalog: CatalogRecord) {
  parseEnum(requireString(ctx, 'item_type'), 'item_type', ['PRODUCT_ITEM']);
  const requests = parseJson(requireString(ctx, 'requests'), 'requests');
  if (!Array.isArray(requests) || requests.length === 0) throw GraphErrors.invalidParameter('requests must be a non-empty JSON array');
  if (requests.length > MAX_REQUESTS) throw GraphErrors.invalidParameter(`requests can hold at most ${MAX_REQUESTS} items per call`);
  const batch: BatchRecord = {
    handle: `A${ctx.world.rng.stream('marketing.catalogs').chars(31, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`,
    catalogId: catalog.id,
    createdAt: ctx.runtime.clock.now(),
    allowUpsert: optionalString(ctx, 'allow_upsert') !== 'false',
    requests: [],
    errors: [],
    warnings: [],
    applied: false,
  };
  const validationStatus: { retailer_id?: string; errors: { message: string }[]; warnings: { message: string }[] }[] = [];
  requests.forEach((raw, line) => {
    const checked = itemIssues(raw, line);
    if (checked.request) batch.requests.push({ line, request: checked.request });
    else {
      batch.errors.push(...checked.errors);
      validationStatus.push({ retailer_id: checked.errors[0]?.id, errors: checked.errors.map(({ message }) => ({ message })), warnings: [] });
    }
  });
  catalogs(ctx.world).batches.set(batch.handle, batch);
  return { handles: [batch.handle], validation_status: validationStatus };
}

export function batchStatus(batch: BatchRecord, now: number): string {
  const elapsed = now - batch.createdAt;
  if (elapsed < STARTED_MS) return 'started';
  if (elapsed < FINISHED_MS) return 'in_progress';
  return 'finished';
}

/** Applies every finished batch of a catalog that was not applied yet, in the order they were sent. */
export function settleBatches(world: World, catalogId: string): void {
  const now = world.clock.now();
  const state = catalogs(world);
  for (const batch of state.batches.values()) {
    if (batch.catalogId !== catalogId || batch.applied || batchStatus(batch, now) !== 'finished') continue;
    batch.applied = true;
    for (const { line, request } of batch.requests) applyRequest(world, batch, line, request, now);
  }
}

function applyRequest(world: World, batch: BatchRecord, line: number, request: BatchRequest, now: number): void {
  const state = catalogs(world);
  const retailerId = String(request.data['id']);
  const existing = productByRetailerId(world, batch.catalogId, retailerId);
  if (request.method === 'DELETE') {
    if (!existing) batch.warnings.push({ line, id: retailerId, message: `No item with id ${retailerId} to delete` });
    else {
      state.products.delete(existing.id);
      world.unregister(existing.id);
    }
    return;
  }
  if (!existing && request.method === 'UPDATE' && !batch.allowUpsert) {
    batch.errors.push({ line, id: retailerId, message: `No item with id ${retailerId} to update` });
    return;
  }
  const data = request.data;
  const price = data['price'] === undefined ? undefined : PRICE.exec(String(data['price']));
  const product = existing ?? newProduct(world, batch.catalogId, retailerId, String(data['title'] ?? retailerId), now);
  if (data['title'] !== undefined) product.name = String(data['title']);
  if (data['description'] !== undefined) product.description = String(data['description']);
  if (data['availability'] !== undefined) product.availability = String(data['availability']);
  if (data['condition'] !== undefined) product.condition = String(data['condition']);
  if (data['link'] !== undefined) product.url = String(data['link']);
  if (data['image_link'] !== undefined) product.imageUrl = String(data['image_link']);
  if (data['brand'] !== undefined) product.brand = String(data['brand']);
  if (price) {
    product.priceMinor = Math.round(Number(price[1]) * 100);
    product.currency = price[2]!;
  }
  product.updatedTime = now;
  if (!existing) {
    state.products.set(product.id, product);
    world.register(product.id, 'ProductItem');
  }
}
