import type { CatalogProduct } from '../entities/catalog-product.entity';
import { feedData } from '../products/product-feed';
import type { ItemIssue } from '../products/product-fields';
import { readinessIssues } from '../products/product-readiness';
import type { BatchRequest } from '../graph/catalog-graph.api';

/** A request of the sync with the product it is for and the hash it sends. */
export interface PlannedRequest {
  product: CatalogProduct;
  request: BatchRequest;
  /** The content hash sent (the tombstone's last sent hash for a DELETE). */
  hash: string;
}

export interface SyncPlan {
  requests: PlannedRequest[];
  creates: number;
  updates: number;
  deletes: PlannedRequest[];
  /** Live products not ready for Meta: not sent, their issues shown on them. */
  notReady: { product: CatalogProduct; issues: ItemIssue[] }[];
  /** Deleted products the catalog never held: their rows can go. */
  forgotten: CatalogProduct[];
  /** Live products (ready or not): an empty source is one with none. */
  live: number;
}

/**
 * What a sync sends, by content hash: a live product whose hash differs from the one last sent is a CREATE (the
 * catalog never accepted it from us) or an UPDATE; a deleted product the catalog may hold is a DELETE; everything
 * else sends nothing, so an unchanged re-sync makes no write at all. Items of the catalog that no product of ours
 * ever sent (made in Commerce Manager, another feed) are never touched.
 */
export function planSync(products: CatalogProduct[]): SyncPlan {
  const plan: SyncPlan = { requests: [], creates: 0, updates: 0, deletes: [], notReady: [], forgotten: [], live: 0 };
  for (const product of products) {
    if (product.deletedAt) {
      const held = product.sentHash ?? product.syncedHash;
      if (!held) plan.forgotten.push(product);
      else plan.deletes.push({ product, hash: held, request: { method: 'DELETE', data: { id: product.retailerId } } });
      continue;
    }
    plan.live++;
    if (product.contentHash === product.sentHash) continue;
    const issues = readinessIssues(product);
    if (issues.length > 0) {
      plan.notReady.push({ product, issues });
      continue;
    }
    const method = product.syncedHash ? 'UPDATE' : 'CREATE';
    if (method === 'CREATE') plan.creates++;
    else plan.updates++;
    plan.requests.push({ product, hash: product.contentHash, request: { method, data: feedData(product) } });
  }
  plan.requests.push(...plan.deletes);
  return plan;
}

/**
 * The delete guard: a sync that would delete more than `share` of the catalog's items, or deletes while the source
 * is empty (an emptied table, a failed import), waits for an admin. Deletes an admin confirmed pass; any other
 * delete holds the sync again.
 */
export function guardDeletes(
  plan: SyncPlan,
  catalogItems: number,
  share: number,
  confirmed: readonly string[] | null,
): { hold: false } | { hold: true; retailerIds: string[]; reason: string } {
  if (plan.deletes.length === 0) return { hold: false };
  const retailerIds = plan.deletes.map((d) => d.product.retailerId);
  if (confirmed) {
    const allowed = new Set(confirmed);
    if (retailerIds.every((id) => allowed.has(id))) return { hold: false };
  }
  if (plan.live === 0) return { hold: true, retailerIds, reason: 'The product list is empty: the sync would delete every item it sent' };
  const items = Math.max(catalogItems, plan.deletes.length);
  if (plan.deletes.length > share * items)
    return {
      hold: true,
      retailerIds,
      reason: `The sync would delete ${plan.deletes.length} of the catalog's ${items} items, more than ${Math.round(share * 100)} %`,
    };
  return { hold: false };
}

/** Splits requests into calls of at most `max`. */
export function chunk<T>(items: T[], max: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max));
  return out;
}
