import type { GraphContext } from '../../core/graph-context';
import type { NodeTypeSpec } from '../../core/graph-registry';
import type { BatchRecord, CatalogRecord } from './catalog-state';
import { graphTime } from '../../core/clock';
import { GraphErrors } from '../../core/graph-errors';
import { requireString } from '../marketing-params';
import { catalogs } from './catalog-state';
import { batchStatus, queueItemsBatch, settleBatches } from './items-batch';
import { createProduct } from './product.node';

export const CATALOG_ACCESS = { permissions: ['catalog_management'] };

/** A catalog belongs to a business; people of that business see it. */
export const canSeeCatalog = (catalog: CatalogRecord, ctx: GraphContext): boolean =>
  Boolean(ctx.identity?.user?.businessIds.includes(catalog.businessId));

/** `check_batch_request_status` answers one entry per handle. */
interface BatchStatusView {
  batch: BatchRecord;
  loadInvalidIds: boolean;
}

/** A product catalog (notes §7). */
export const catalogNode: NodeTypeSpec<CatalogRecord> = {
  type: 'ProductCatalog',
  load: (id, world) => {
    const catalog = catalogs(world).catalogs.get(id);
    if (catalog) settleBatches(world, catalog.id);
    return catalog;
  },
  idOf: (catalog) => catalog.id,
  visible: canSeeCatalog,
  access: CATALOG_ACCESS,
  usage: (catalog) => [{ type: 'catalog_management', objectId: catalog.id }],
  defaultFields: ['id', 'name'],
  fields: {
    id: (c) => c.id,
    name: (c) => c.name,
    vertical: (c) => c.vertical,
    product_count: (c, ctx) => [...catalogs(ctx.world).products.values()].filter((product) => product.catalogId === c.id).length,
    business: { nodeType: 'BusinessRef', get: (c, ctx) => ctx.world.businesses.get(c.businessId) },
    created_time: (c) => graphTime(c.createdTime),
  },
  edges: {
    products: {
      list: {
        itemType: 'ProductItem',
        maxLimit: 500,
        items: (catalog, ctx) => [...catalogs(ctx.world).products.values()].filter((product) => product.catalogId === catalog.id),
      },
      create: { handle: (ctx, catalog) => createProduct(ctx, catalog) },
    },
    items_batch: {
      create: {
        usage: (catalog) => [{ type: 'catalog_batch', objectId: catalog.id }],
        handle: (ctx, catalog) => queueItemsBatch(ctx, catalog),
      },
    },
    check_batch_request_status: {
      list: {
        itemType: 'CatalogBatchStatus',
        usage: (catalog) => [{ type: 'catalog_batch', objectId: catalog.id }],
        items: (catalog, ctx) => {
          const handle = requireString(ctx, 'handle');
          const batch = catalogs(ctx.world).batches.get(handle);
          if (!batch || batch.catalogId !== catalog.id) throw GraphErrors.invalidParameter(`handle ${handle} is not a batch of catalog ${catalog.id}`);
          return [{ batch, loadInvalidIds: ctx.params['load_ids_of_invalid_requests'] === 'true' } satisfies BatchStatusView];
        },
      },
    },
  },
};

/** The status of one `items_batch` handle (notes §7.2). Errors are known once the batch finished. */
export const batchStatusNode: NodeTypeSpec<BatchStatusView> = {
  type: 'CatalogBatchStatus',
  load: () => undefined,
  idOf: (view) => view.batch.handle,
  defaultFields: ['handle', 'status', 'errors_total_count', 'errors', 'warnings_total_count', 'warnings', 'ids_of_invalid_requests'],
  fields: {
    handle: (view) => view.batch.handle,
    status: (view, ctx) => batchStatus(view.batch, ctx.runtime.clock.now()),
    errors_total_count: (view) => view.batch.errors.length,
    errors: (view) => view.batch.errors.map((issue) => ({ line: issue.line, id: issue.id, message: issue.message })),
    warnings_total_count: (view) => view.batch.warnings.length,
    warnings: (view) => view.batch.warnings.map((issue) => ({ line: issue.line, id: issue.id, message: issue.message })),
    ids_of_invalid_requests: (view) => (view.loadInvalidIds ? [...new Set(view.batch.errors.map((issue) => issue.id).filter(Boolean))] : []),
  },
};
