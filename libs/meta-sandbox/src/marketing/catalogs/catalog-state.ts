import type { World } from '../../world/world';

export interface CatalogRecord {
  id: string;
  businessId: string;
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
  createdTime: number;
  updatedTime: number;
}

export interface BatchIssue {
  line: number;
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
  allowUpsert: boolean;
  /** Requests that passed validation, with their line numbers. */
  requests: { line: number; request: BatchRequest }[];
  errors: BatchIssue[];
  warnings: BatchIssue[];
  applied: boolean;
}

interface CatalogState {
  catalogs: Map<string, CatalogRecord>;
  products: Map<string, ProductRecord>;
  batches: Map<string, BatchRecord>;
  nextId: bigint;
}

export const catalogs = (world: World): CatalogState =>
  world.ext<CatalogState>('marketing.catalogs', () => ({ catalogs: new Map(), products: new Map(), batches: new Map(), nextId: 0n }));

export function nextCatalogObjectId(world: World, kind: 'catalog' | 'product'): string {
  const state = catalogs(world);
  state.nextId += 1n;
  return String((kind === 'catalog' ? 1_890_500_000_000_000n : 3_460_500_000_000_000n) + state.nextId * 7919n);
}

/** A catalog item before its fields are applied: in stock, new, no price yet. The caller stores and registers it. */
export function newProduct(world: World, catalogId: string, retailerId: string, name: string, now: number): ProductRecord {
  return {
    id: nextCatalogObjectId(world, 'product'),
    catalogId,
    retailerId,
    name,
    availability: 'in stock',
    condition: 'new',
    priceMinor: 0,
    currency: 'USD',
    createdTime: now,
    updatedTime: now,
  };
}

/** The catalog's item with this retailer id (the feed's `id`), if any. */
export function productByRetailerId(world: World, catalogId: string, retailerId: string): ProductRecord | undefined {
  for (const product of catalogs(world).products.values()) {
    if (product.catalogId === catalogId && product.retailerId === retailerId) return product;
  }
  return undefined;
}

export const CATALOG_VERTICALS = [
  'adoptable_pets', 'commerce', 'destinations', 'flights', 'generic', 'home_listings', 'hotels', 'local_service_businesses',
  'offer_items', 'offline_commerce', 'services', 'transactable_items', 'vehicles',
] as const;

export const AVAILABILITIES = ['in stock', 'out of stock', 'preorder', 'available for order', 'discontinued', 'pending', 'mark_as_sold', 'mark_as_expired'] as const;
export const CONDITIONS = ['new', 'refurbished', 'used', 'used_like_new', 'used_good', 'used_fair', 'cpo', 'open_box_new'] as const;

/** Products read back their price formatted in the currency (`$19.99`; exact format unconfirmed, notes §7.1). */
export function formatPrice(product: ProductRecord): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: product.currency }).format(product.priceMinor / 100);
  } catch {
    return `${(product.priceMinor / 100).toFixed(2)} ${product.currency}`;
  }
}
