import type { SandboxRuntime } from '../../core/sandbox-runtime';
import type { CatalogCounters, CatalogRecord } from './catalog-state';
import { ControlError } from '../../control/control-error';
import { isObject } from '../marketing-params';
import {
  addProduct,
  catalogs,
  countersOf,
  newProduct,
  productByRetailerId,
  productCount,
  productsOf,
  removeProduct,
} from './catalog-state';
import { applyFeedFields, batchStatus, settleBatches } from './items-batch';
import { checkItem } from './item-checks';

export interface CatalogSummary {
  id: string;
  name: string;
  businessId: string;
  sharedWithBusinessIds: string[];
  vertical: string;
  productCount: number;
  /** Items not made through the API (seeded, or added with `addItems`). */
  madeElsewhere: number;
  pendingBatches: number;
  counters: CatalogCounters;
}

export interface BatchSettingsChange {
  startedSeconds?: number;
  durationSeconds?: number;
  failNext?: number;
  failMessage?: string;
}

export interface BatchSummary {
  handle: string;
  catalogId: string;
  status: string;
  requests: number;
  errors: number;
  warnings: number;
}

/** An item as a feed or Commerce Manager would write it: feed field names (`id`, `title`, `price` "12.50 USD", …). */
export type FeedItem = Record<string, unknown>;

/**
 * What tests, demos and benchmarks do to catalogs behind the API's back: slow or failing batches, item-level errors,
 * items made elsewhere, and how many calls a sync cost. In process as `sandbox.control.catalogs`, over HTTP under
 * `/__sandbox/catalogs`.
 */
export class CatalogControl {
  constructor(private readonly runtime: SandboxRuntime) {}

  private get world() {
    return this.runtime.world;
  }

  private catalog(id: string): CatalogRecord {
    const catalog = catalogs(this.world).catalogs.get(id);
    if (!catalog) throw new ControlError(`No catalog has id ${id}`);
    return catalog;
  }

  list(): CatalogSummary[] {
    const state = catalogs(this.world);
    return [...state.catalogs.values()].map((catalog) => {
      settleBatches(this.world, catalog.id);
      return {
        id: catalog.id,
        name: catalog.name,
        businessId: catalog.businessId,
        sharedWithBusinessIds: [...catalog.sharedWithBusinessIds],
        vertical: catalog.vertical,
        productCount: productCount(this.world, catalog.id),
        madeElsewhere: productsOf(this.world, catalog.id).filter((product) => product.origin === 'elsewhere').length,
        pendingBatches: state.pending.get(catalog.id)?.length ?? 0,
        counters: { ...countersOf(this.world, catalog.id) },
      };
    });
  }

  /** Calls that reached the catalog handlers (items_batch calls and their requests, status polls, product reads). */
  counters(catalogId: string): CatalogCounters {
    this.catalog(catalogId);
    return { ...countersOf(this.world, catalogId) };
  }

  resetCounters(): void {
    catalogs(this.world).counters.clear();
  }

  /** How new batches behave: seconds `started`, seconds until they end, how many of the next ones fail. */
  setBatches(change: BatchSettingsChange): { startedSeconds: number; durationSeconds: number; failNext: number } {
    const settings = catalogs(this.world).settings;
    const seconds = (value: number | undefined, name: string): number | undefined => {
      if (value === undefined) return undefined;
      if (!Number.isFinite(value) || value < 0) throw new ControlError(`${name} must be a non-negative number`);
      return value * 1000;
    };
    const startedMs = seconds(change.startedSeconds, 'startedSeconds');
    const durationMs = seconds(change.durationSeconds, 'durationSeconds');
    if (change.failNext !== undefined && !(Number.isInteger(change.failNext) && change.failNext >= 0))
      throw new ControlError('failNext must be a non-negative integer');
    if (startedMs !== undefined) settings.startedMs = startedMs;
    if (durationMs !== undefined) settings.durationMs = durationMs;
    if (settings.startedMs > settings.durationMs) settings.startedMs = settings.durationMs;
    if (change.failNext !== undefined) settings.failNext = change.failNext;
    if (change.failMessage !== undefined) settings.failMessage = change.failMessage;
    return { startedSeconds: settings.startedMs / 1000, durationSeconds: settings.durationMs / 1000, failNext: settings.failNext };
  }

  batches(catalogId?: string): BatchSummary[] {
    const now = this.runtime.clock.now();
    return [...catalogs(this.world).batches.values()]
      .filter((batch) => !catalogId || batch.catalogId === catalogId)
      .map((batch) => {
        settleBatches(this.world, batch.catalogId);
        return {
          handle: batch.handle,
          catalogId: batch.catalogId,
          status: batchStatus(batch, now),
          requests: batch.requests.length,
          errors: batch.errors.length,
          warnings: batch.warnings.length,
        };
      });
  }

  /** Ends a running batch now: `finished` applies its requests, `error` applies none. */
  endBatch(handle: string, outcome: 'finished' | 'error', message?: string): void {
    const batch = catalogs(this.world).batches.get(handle);
    if (!batch) throw new ControlError(`No batch has handle ${handle}`);
    if (outcome !== 'finished' && outcome !== 'error') throw new ControlError('outcome must be finished or error');
    if (batch.applied) throw new ControlError(`Batch ${handle} already ended`);
    batch.endedAt = this.runtime.clock.now();
    if (outcome === 'error') batch.failsWith = message ?? catalogs(this.world).settings.failMessage;
    settleBatches(this.world, batch.catalogId);
  }

  /** The next `times` requests (every one when absent) naming this retailer id fail with `message` when applied. */
  injectItemError(rule: { catalogId?: string; retailerId: string; message?: string; times?: number }): void {
    if (typeof rule.retailerId !== 'string' || rule.retailerId === '') throw new ControlError('retailerId is required');
    if (rule.catalogId !== undefined) this.catalog(rule.catalogId);
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0))
      throw new ControlError('times must be a positive integer');
    catalogs(this.world).itemErrors.push({
      catalogId: rule.catalogId,
      retailerId: rule.retailerId,
      message: rule.message ?? `The item ${rule.retailerId} could not be processed. Please try again later.`,
      remaining: rule.times,
    });
  }

  clearItemErrors(): void {
    catalogs(this.world).itemErrors = [];
  }

  /**
   * Items made in Commerce Manager or by a feed, not through the API. Field values are checked like a batch's, but
   * only `id` and `title` are required: items made elsewhere may lack an image or a link (diagnostics then say so).
   */
  addItems(catalogId: string, items: FeedItem[]): { id: string; retailerId: string }[] {
    this.catalog(catalogId);
    if (!Array.isArray(items) || items.length === 0) throw new ControlError('items must be a non-empty array');
    const checked = items.map((data, line) => {
      if (!isObject(data)) throw new ControlError(`items[${line}] must be an object`);
      const result = checkItem({ method: 'UPDATE', data }, line);
      if (typeof data['title'] !== 'string' || data['title'].trim() === '')
        result.errors.push({ line, message: 'Missing required field: title' });
      if (result.errors.length > 0) throw new ControlError(`items[${line}]: ${result.errors.map((e) => e.message).join('; ')}`);
      if (productByRetailerId(this.world, catalogId, String(data['id'])))
        throw new ControlError(`items[${line}]: the catalog already has an item with id ${String(data['id'])}`);
      return data;
    });
    const now = this.runtime.clock.now();
    return checked.map((data) => {
      const product = newProduct(this.world, catalogId, String(data['id']), String(data['title']), now, 'elsewhere');
      applyFeedFields(product, data);
      addProduct(this.world, product);
      return { id: product.id, retailerId: product.retailerId };
    });
  }

  /** Deletes items as someone in Commerce Manager would; answers how many existed. */
  removeItems(catalogId: string, retailerIds: string[]): number {
    this.catalog(catalogId);
    if (!Array.isArray(retailerIds) || retailerIds.some((id) => typeof id !== 'string'))
      throw new ControlError('retailerIds must be an array of strings');
    let removed = 0;
    for (const retailerId of retailerIds) {
      const product = productByRetailerId(this.world, catalogId, retailerId);
      if (!product) continue;
      removeProduct(this.world, product);
      removed++;
    }
    return removed;
  }
}
