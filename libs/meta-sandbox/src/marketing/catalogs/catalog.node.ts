import type { GraphContext } from '../../core/graph-context';
import type { NodeTypeSpec } from '../../core/graph-registry';
import type { BatchRecord, CatalogRecord } from './catalog-state';
import { graphTime } from '../../core/clock';
import { GraphErrors } from '../../core/graph-errors';
import { optionalString, requireString } from '../marketing-params';
import { catalogs, countersOf, productCount, productsOf } from './catalog-state';
import { batchStatus, queueItemsBatch, settleBatches } from './items-batch';
import { productFilter } from './product-filter';
import { catalogDiagnostics } from './catalog-diagnostics';
import { createProduct } from './product.node';
import { CATALOG_ACCESS, canSeeCatalog } from './catalog-access';

/** `check_batch_request_status` answers one entry per handle. */
interface BatchStatusView {
  batch: BatchRecord;
  loadInvalidIds: boolean;
}

const ownerOf = (catalog: CatalogRecord, ctx: GraphContext) =>
  ctx.world.businesses.get(catalog.businessId) ?? (catalog.ownerName ? { id: catalog.businessId, name: catalog.ownerName } : undefined);

/** A product catalog (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/). */
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
    product_count: (c, ctx) => productCount(ctx.world, c.id),
    business: { nodeType: 'BusinessRef', get: ownerOf },
    owner_business: { nodeType: 'BusinessRef', get: ownerOf },
    created_time: (c) => graphTime(c.createdTime),
  },
  edges: {
    products: {
      list: {
        itemType: 'ProductItem',
        maxLimit: 500,
        items: (catalog, ctx) => {
          const filter = productFilter(optionalString(ctx, 'filter'));
          countersOf(ctx.world, catalog.id).productReads++;
          const items = productsOf(ctx.world, catalog.id);
          return filter ? items.filter(filter) : items;
        },
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
        items: (catalog, ctx) => {
          const handle = requireString(ctx, 'handle');
          countersOf(ctx.world, catalog.id).statusPolls++;
          const batch = catalogs(ctx.world).batches.get(handle);
          if (!batch || batch.catalogId !== catalog.id)
            throw GraphErrors.invalidParameter(`handle ${handle} is not a batch of catalog ${catalog.id}`);
          return [{ batch, loadInvalidIds: ctx.params['load_ids_of_invalid_requests'] === 'true' } satisfies BatchStatusView];
        },
      },
    },
    diagnostics: {
      list: {
        itemType: 'ProductCatalogDiagnosticGroup',
        items: (catalog, ctx) => catalogDiagnostics(ctx.world, catalog.id),
      },
    },
  },
};

const issueView = (issue: { line?: number; id?: string; message: string }) => ({ line: issue.line, id: issue.id, message: issue.message });

/** The status of one `items_batch` handle. Errors of applying requests are known once the batch ended. */
export const batchStatusNode: NodeTypeSpec<BatchStatusView> = {
  type: 'CatalogBatchStatus',
  load: () => undefined,
  idOf: (view) => view.batch.handle,
  defaultFields: ['handle', 'status', 'errors_total_count', 'errors', 'warnings_total_count', 'warnings', 'ids_of_invalid_requests'],
  fields: {
    handle: (view) => view.batch.handle,
    status: (view, ctx) => batchStatus(view.batch, ctx.runtime.clock.now()),
    errors_total_count: (view) => view.batch.errors.length,
    errors: (view) => view.batch.errors.map(issueView),
    warnings_total_count: (view) => view.batch.warnings.length,
    warnings: (view) => view.batch.warnings.map(issueView),
    ids_of_invalid_requests: (view) =>
      view.loadInvalidIds ? [...new Set(view.batch.errors.map((issue) => issue.id).filter(Boolean))] : [],
  },
};
