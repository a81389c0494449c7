import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry } from '../../core/graph-registry';
import type { BusinessRecord } from '../../world/types';
import type { CatalogRecord } from './catalog-state';
import { optionalString, parseEnum, requireString } from '../marketing-params';
import { CATALOG_VERTICALS, catalogs, nextCatalogObjectId } from './catalog-state';
import { CATALOG_ACCESS, batchStatusNode, catalogNode } from './catalog.node';
import { productNode } from './product.node';

function createCatalog(ctx: GraphContext, business: BusinessRecord): { id: string } {
  const catalog: CatalogRecord = {
    id: nextCatalogObjectId(ctx.world, 'catalog'),
    businessId: business.id,
    name: requireString(ctx, 'name'),
    vertical: parseEnum(optionalString(ctx, 'vertical') ?? 'commerce', 'vertical', CATALOG_VERTICALS),
    createdTime: ctx.runtime.clock.now(),
  };
  catalogs(ctx.world).catalogs.set(catalog.id, catalog);
  ctx.world.register(catalog.id, 'ProductCatalog');
  return { id: catalog.id };
}

/** Catalogs, products, `items_batch` and `check_batch_request_status` (notes §7). */
export function registerCatalogs(registry: GraphRegistry): void {
  registry.node(catalogNode);
  registry.node(batchStatusNode);
  registry.node(productNode);
  registry.edge<BusinessRecord>('Business', 'owned_product_catalogs', {
    list: {
      access: CATALOG_ACCESS,
      usage: (business) => [{ type: 'catalog_management', objectId: business.id }],
      itemType: 'ProductCatalog',
      items: (business, ctx) => [...catalogs(ctx.world).catalogs.values()].filter((catalog) => catalog.businessId === business.id),
    },
    create: {
      access: CATALOG_ACCESS,
      usage: (business) => [{ type: 'catalog_management', objectId: business.id }],
      handle: (ctx, business) => createCatalog(ctx, business),
    },
  });
}
