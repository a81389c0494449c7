import type { World } from '../../world/world';

export interface CatalogRecord {
  id: string;
  /** The business that owns the catalog (`owned_product_catalogs`). */
  businessId: string;
  /** Businesses the owner shared the catalog with: it shows in their `client_product_catalogs`. */
  sharedWithBusinessIds: string[];
  /** Name of an owner outside the world's businesses (a client that shared its catalog). */
  ownerName?: string;
  name: string;
  vertical: string;
  createdTime: number;
}

export interface ProductRecord {
  id: string;
  catalogId: string;
  retailerId: string;
  name: string;
  description?: string;
  availability: string;
  condition: string;
  /** Minor units of `currency`. */
  priceMinor: number;
  currency: string;
  url?: string;
  imageUrl?: string;
  brand?: string;
  /** `custom_label_0` … `custom_label_4`, by index. */
  customLabels: (string | undefined)[];
  productType?: string;
  /** How the item got there: the API (`items_batch`, `/products`) or "elsewhere" (Commerce Manager, a feed). */
  origin: 'api' | 'elsewhere';
  createdTime: number;
  updatedTime: number;
}

export interface BatchIssue {
  line?: number;
  id?: string;
  message: string;
}

export interface BatchRequest {
  method: 'CREATE' | 'UPDATE' | 'DELETE';
  data: Record<string, unknown>;
}

/** One `items_batch` call: processed asynchronously, applied once the sandbox clock says it finished. */
export interface BatchRecord {
  handle: string;
  catalogId: string;
  createdAt: number;
  /** Sandbox time spent `started`, then until it ends (`finished` or `error`), fixed when the batch arrives. */
  startedMs: number;
  durationMs: number;
  /** The control surface made this batch end in `error` (nothing applied). */
  failsWith?: string;
  /** Ended early by the control surface. */
  endedAt?: number;
  allowUpsert: boolean;
  /** Requests that passed validation, with their line numbers. */
  requests: { line: number; request: BatchRequest }[];
  errors: BatchIssue[];
  warnings: BatchIssue[];
  applied: boolean;
}

/** An item-level error the control surface planted: the next batch requests naming this retailer id fail with it. */
export interface ItemErrorRule {
  catalogId?: string;
  retailerId: string;
  message: string;
  /** How many requests it still fails; undefined = every one until cleared. */
  remaining?: number;
}

/** How new batches behave (`PUT /__sandbox/catalogs/batches`). */
export interface BatchSettings {
  startedMs: number;
  durationMs: number;
  /** How many of the next batches end in `error`. */
  failNext: number;
  failMessage: string;
}

/** Calls that reached the catalog handlers, per catalog: what a sync costs. */
export interface CatalogCounters {
  itemsBatchCalls: number;
  itemsBatchRequests: number;
  statusPolls: number;
  productReads: number;
}

/** Sandbox time a batch spends in each state by default (Meta: seconds to minutes, depending on load). */
export const DEFAULT_BATCH_SETTINGS: BatchSettings = {
  startedMs: 1_000,
  durationMs: 5_000,
  failNext: 0,
  failMessage: 'An unexpected error occurred while processing this batch. Please retry the batch.',
};

interface CatalogState {
  catalogs: Map<string, CatalogRecord>;
  products: Map<string, ProductRecord>;
  /** catalog id → retailer id → item: the index every batch and filter reads (O(1) per request). */
  byRetailerId: Map<string, Map<string, ProductRecord>>;
  batches: Map<string, BatchRecord>;
  /** Batches not applied yet, per catalog, in the order they were sent. */
  pending: Map<string, BatchRecord[]>;
  settings: BatchSettings;
  itemErrors: ItemErrorRule[];
  counters: Map<string, CatalogCounters>;
  nextId: bigint;
}

export const catalogs = (world: World): CatalogState =>
  world.ext<CatalogState>('marketing.catalogs', () => ({
    catalogs: new Map(),
    products: new Map(),
    byRetailerId: new Map(),
    batches: new Map(),
    pending: new Map(),
    settings: { ...DEFAULT_BATCH_SETTINGS },
    itemErrors: [],
    counters: new Map(),
    nextId: 0n,
  }));

export function nextCatalogObjectId(world: World, kind: 'catalog' | 'product'): string {
  const state = catalogs(world);
  state.nextId += 1n;
  return String((kind === 'catalog' ? 1_890_500_000_000_000n : 3_460_500_000_000_000n) + state.nextId * 7919n);
}

export function countersOf(world: World, catalogId: string): CatalogCounters {
  const state = catalogs(world);
  let counters = state.counters.get(catalogId);
  if (!counters) {
    counters = { itemsBatchCalls: 0, itemsBatchRequests: 0, statusPolls: 0, productReads: 0 };
    state.counters.set(catalogId, counters);
  }
  return counters;
}

/** Stores a catalog and registers its id. */
export function addCatalog(world: World, catalog: CatalogRecord): void {
  catalogs(world).catalogs.set(catalog.id, catalog);
  world.register(catalog.id, 'ProductCatalog');
}

/** A catalog item before its fields are applied: in stock, new, no price yet. `addProduct` stores it. */
export function newProduct(
  world: World,
  catalogId: string,
  retailerId: string,
  name: string,
  now: number,
  origin: ProductRecord['origin'] = 'api',
): ProductRecord {
  return {
    id: nextCatalogObjectId(world, 'product'),
    catalogId,
    retailerId,
    name,
    availability: 'in stock',
    condition: 'new',
    priceMinor: 0,
    currency: 'USD',
    customLabels: [],
    origin,
    createdTime: now,
    updatedTime: now,
  };
}

export function addProduct(world: World, product: ProductRecord): void {
  const state = catalogs(world);
  state.products.set(product.id, product);
  let index = state.byRetailerId.get(product.catalogId);
  if (!index) {
    index = new Map();
    state.byRetailerId.set(product.catalogId, index);
  }
  index.set(product.retailerId, product);
  world.register(product.id, 'ProductItem');
}

export function removeProduct(world: World, product: ProductRecord): void {
  const state = catalogs(world);
  state.products.delete(product.id);
  state.byRetailerId.get(product.catalogId)?.delete(product.retailerId);
  world.unregister(product.id);
}

/** The catalog's item with this retailer id (the feed's `id`), if any. */
export function productByRetailerId(world: World, catalogId: string, retailerId: string): ProductRecord | undefined {
  return catalogs(world).byRetailerId.get(catalogId)?.get(retailerId);
}

/** The catalog's items in the order they were added. */
export function productsOf(world: World, catalogId: string): ProductRecord[] {
  return [...(catalogs(world).byRetailerId.get(catalogId)?.values() ?? [])];
}

export function productCount(world: World, catalogId: string): number {
  return catalogs(world).byRetailerId.get(catalogId)?.size ?? 0;
}

/** Catalog verticals (`ProductCatalog.Vertical` in Meta's Business SDK); items_batch `PRODUCT_ITEM`s live in `commerce`. */
export const CATALOG_VERTICALS = [
  'adoptable_pets',
  'apps_and_software',
  'articles_and_publications',
  'commerce',
  'destinations',
  'flights',
  'generic',
  'home_listings',
  'hotels',
  'local_service_businesses',
  'media_titles',
  'offer_items',
  'offline_commerce',
  'services',
  'transactable_items',
  'vehicles',
] as const;

export const AVAILABILITIES = [
  'in stock',
  'out of stock',
  'preorder',
  'available for order',
  'discontinued',
  'pending',
  'mark_as_sold',
  'mark_as_expired',
] as const;
export const CONDITIONS = ['new', 'refurbished', 'used', 'used_like_new', 'used_good', 'used_fair', 'cpo', 'open_box_new'] as const;

const priceFormats = new Map<string, Intl.NumberFormat | null>();

/**
 * Products read back their price formatted in the currency (`$19.99`). Meta's reference types `price` as a string
 * without stating the format; this is what Graph Explorer shows for a USD catalog. Formatters are cached per currency
 * (building one costs more than formatting thousands of prices).
 */
export function formatPrice(product: ProductRecord): string {
  let format = priceFormats.get(product.currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: product.currency });
    } catch {
      format = null;
    }
    priceFormats.set(product.currency, format);
  }
  return format ? format.format(product.priceMinor / 100) : `${(product.priceMinor / 100).toFixed(2)} ${product.currency}`;
}
