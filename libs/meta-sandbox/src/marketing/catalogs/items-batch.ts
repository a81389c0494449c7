import type { GraphContext } from '../../core/graph-context';
import type { World } from '../../world/world';
import type { BatchRecord, BatchRequest, CatalogRecord, ProductRecord } from './catalog-state';
import { GraphErrors } from '../../core/graph-errors';
import { optionalString, parseEnum, parseJson, requireString } from '../marketing-params';
import { addProduct, catalogs, countersOf, newProduct, productByRetailerId, removeProduct } from './catalog-state';
import { checkItem, parsePrice } from './item-checks';

/**
 * `POST /{catalog-id}/items_batch` and the life of its handle
 * (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/ and
 * https://developers.facebook.com/docs/marketing-api/reference/product-catalog/check_batch_request_status/).
 * Each request is checked when the batch arrives (`validation_status`); the valid ones are applied when the batch
 * ends, in sandbox time, so a client has to poll the handle. `handles` holds 0 or 1 value: empty when nothing was
 * ingested (every request refused on arrival).
 */

/** Meta's documented maximum of requests per call ("a JSON array of up to 5000 records"). */
export const MAX_BATCH_REQUESTS = 5000;
/** Item types of the items_batch reference; the sandbox's catalogs hold products only. */
const ITEM_TYPES = ['PRODUCT_ITEM', 'HOTEL', 'FLIGHT', 'DESTINATION', 'HOME_LISTING', 'VEHICLE', 'VEHICLE_OFFER', 'MEDIA_TITLE'];
const HANDLE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

type ValidationEntry = { retailer_id?: string; errors: { message: string }[]; warnings: { message: string }[] };

export function queueItemsBatch(ctx: GraphContext, catalog: CatalogRecord) {
  const itemType = parseEnum(requireString(ctx, 'item_type'), 'item_type', ITEM_TYPES);
  if (itemType !== 'PRODUCT_ITEM')
    throw GraphErrors.invalidParameter(`item_type ${itemType} does not match the items of catalog ${catalog.id} (PRODUCT_ITEM)`);
  const requests = parseJson(requireString(ctx, 'requests'), 'requests');
  if (!Array.isArray(requests) || requests.length === 0)
    throw GraphErrors.invalidParameter('Param requests must be a non-empty JSON array');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw GraphErrors.invalidParameter(`Param requests holds ${requests.length} requests; a call can hold at most ${MAX_BATCH_REQUESTS}`);
  }
  const state = catalogs(ctx.world);
  const settings = state.settings;
  const counters = countersOf(ctx.world, catalog.id);
  counters.itemsBatchCalls++;
  counters.itemsBatchRequests += requests.length;
  const batch: BatchRecord = {
    handle: `A${ctx.world.rng.stream('marketing.catalogs').chars(31, HANDLE_CHARS)}`,
    catalogId: catalog.id,
    createdAt: ctx.runtime.clock.now(),
    startedMs: settings.startedMs,
    durationMs: Math.max(settings.durationMs, settings.startedMs),
    allowUpsert: optionalString(ctx, 'allow_upsert') !== 'false',
    requests: [],
    errors: [],
    warnings: [],
    applied: false,
  };
  const validationStatus: ValidationEntry[] = [];
  for (let line = 0; line < requests.length; line++) {
    const checked = checkItem(requests[line], line);
    if (checked.request) batch.requests.push({ line, request: checked.request });
    batch.errors.push(...checked.errors);
    batch.warnings.push(...checked.warnings);
    if (checked.errors.length > 0 || checked.warnings.length > 0) {
      validationStatus.push({
        retailer_id: checked.retailerId,
        errors: checked.errors.map(({ message }) => ({ message })),
        warnings: checked.warnings.map(({ message }) => ({ message })),
      });
    }
  }
  if (batch.requests.length === 0) return { handles: [], validation_status: validationStatus };
  if (settings.failNext > 0) {
    settings.failNext--;
    batch.failsWith = settings.failMessage;
  }
  state.batches.set(batch.handle, batch);
  const pending = state.pending.get(catalog.id) ?? [];
  pending.push(batch);
  state.pending.set(catalog.id, pending);
  return { handles: [batch.handle], validation_status: validationStatus };
}

const ended = (batch: BatchRecord, now: number): boolean => batch.endedAt !== undefined || now - batch.createdAt >= batch.durationMs;

/**
 * `started` → `in_progress` → `finished`, or `error` when the batch failed as a whole (nothing applied). Finished only
 * once applied (`settleBatches`), so a finished batch always carries its item errors: a batch whose time ran out between
 * the settling and this read is still in progress until the next look.
 */
export function batchStatus(batch: BatchRecord, now: number): 'started' | 'in_progress' | 'finished' | 'error' {
  if (batch.applied) return batch.failsWith ? 'error' : 'finished';
  return now - batch.createdAt < batch.startedMs ? 'started' : 'in_progress';
}

/** Applies the catalog's batches that ended since the last look, in the order they were sent. */
export function settleBatches(world: World, catalogId: string): void {
  const state = catalogs(world);
  const pending = state.pending.get(catalogId);
  if (!pending || pending.length === 0) return;
  const now = world.clock.now();
  const waiting: BatchRecord[] = [];
  for (const batch of pending) {
    if (!ended(batch, now)) {
      waiting.push(batch);
      continue;
    }
    batch.applied = true;
    if (batch.failsWith) {
      batch.errors.push({ message: batch.failsWith });
      continue;
    }
    for (const { line, request } of batch.requests) applyRequest(world, batch, line, request, now);
  }
  state.pending.set(catalogId, waiting);
}

/** An item-level error planted by the control surface for this retailer id, used up as it fires. */
function plantedError(world: World, catalogId: string, retailerId: string): string | undefined {
  const rules = catalogs(world).itemErrors;
  const index = rules.findIndex((rule) => rule.retailerId === retailerId && (rule.catalogId === undefined || rule.catalogId === catalogId));
  if (index < 0) return undefined;
  const rule = rules[index];
  if (rule.remaining !== undefined && --rule.remaining <= 0) rules.splice(index, 1);
  return rule.message;
}

function applyRequest(world: World, batch: BatchRecord, line: number, request: BatchRequest, now: number): void {
  const retailerId = String(request.data['id']);
  const planted = plantedError(world, batch.catalogId, retailerId);
  if (planted) {
    batch.errors.push({ line, id: retailerId, message: planted });
    return;
  }
  const existing = productByRetailerId(world, batch.catalogId, retailerId);
  if (request.method === 'DELETE') {
    // Deleting what is not there changes nothing; Meta's answer is not documented, the sandbox warns.
    if (!existing) batch.warnings.push({ line, id: retailerId, message: `No item with id ${retailerId} to delete` });
    else removeProduct(world, existing);
    return;
  }
  if (!existing && request.method === 'UPDATE' && !batch.allowUpsert) {
    batch.errors.push({ line, id: retailerId, message: `No item with id ${retailerId} to update (allow_upsert is false)` });
    return;
  }
  const product = existing ?? newProduct(world, batch.catalogId, retailerId, retailerId, now);
  applyFeedFields(product, request.data);
  product.updatedTime = now;
  if (!existing) addProduct(world, product);
}

/** Copies feed fields onto an item; values were checked when the batch arrived. */
export function applyFeedFields(product: ProductRecord, data: Record<string, unknown>): void {
  const text = (field: string): string | undefined => (typeof data[field] === 'string' ? data[field] : undefined);
  if (text('title') !== undefined) product.name = text('title')!;
  if (text('description') !== undefined) product.description = text('description');
  if (text('availability')) product.availability = text('availability')!;
  if (text('condition')) product.condition = text('condition')!;
  if (text('link') !== undefined) product.url = text('link') || undefined;
  if (text('image_link') !== undefined) product.imageUrl = text('image_link') || undefined;
  if (text('brand') !== undefined) product.brand = text('brand');
  if (text('product_type') !== undefined) product.productType = text('product_type');
  for (let i = 0; i < 5; i++) {
    const label = text(`custom_label_${i}`);
    if (label !== undefined) product.customLabels[i] = label;
  }
  const price = text('price') ? parsePrice(text('price')!) : undefined;
  if (price) {
    product.priceMinor = price.minor;
    product.currency = price.currency;
  }
}
