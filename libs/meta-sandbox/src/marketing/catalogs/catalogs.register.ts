import type { GraphContext } from '../../core/graph-context';
import type { GraphRegistry } from '../../core/graph-registry';
import type { BusinessRecord } from '../../world/types';
import type { CatalogRecord } from './catalog-state';
import { optionalString, parseEnum, requireString } from '../marketing-params';
import { CATALOG_VERTICALS, addCatalog, catalogs, nextCatalogObjectId } from './catalog-state';
import { CATALOG_ACCESS } from './catalog-access';
import { batchStatusNode, catalogNode } from './catalog.node';
import { diagnosticGroupNode } from './catalog-diagnostics';
import { productNode } from './product.node';

/** `POST /{business-id}/owned_product_catalogs`: `vertical` defaults to `commerce`, the vertical of product items. */
function createCatalog(ctx: GraphContext, business: BusinessRecord): { id: string } {
  const catalog: CatalogRecord = {
    id: nextCatalogObjectId(ctx.world, 'catalog'),
    businessId: business.id,
    sharedWithBusinessIds: [],
    name: requireString(ctx, 'name'),
    vertical: parseEnum(optionalString(ctx, 'vertical') ?? 'commerce', 'vertical', CATALOG_VERTICALS),
    createdTime: ctx.runtime.clock.now(),
  };
  addCatalog(ctx.world, catalog);
  return { id: catalog.id };
}

const businessUsage = (business: BusinessRecord) => [{ type: 'catalog_management' as const, objectId: business.id }];

/**
 * Catalogs (https://developers.facebook.com/docs/marketing-api/reference/business/owned_product_catalogs/ and
 * client_product_catalogs), their products, `items_batch`, `check_batch_request_status` and `diagnostics`.
 */
export function registerCatalogs(registry: GraphRegistry): void {
  registry.node(catalogNode);
  registry.node(batchStatusNode);
  registry.node(diagnosticGroupNode);
  registry.node(productNode);
  registry.edge<BusinessRecord>('Business', 'owned_product_catalogs', {
    list: {
      access: CATALOG_ACCESS,
      usage: businessUsage,
      itemType: 'ProductCatalog',
      items: (business, ctx) => [...catalogs(ctx.world).catalogs.values()].filter((catalog) => catalog.businessId === business.id),
    },
    create: { access: CATALOG_ACCESS, usage: businessUsage, handle: (ctx, business) => createCatalog(ctx, business) },
  });
  registry.edge<BusinessRecord>('Business', 'client_product_catalogs', {
    list: {
      access: CATALOG_ACCESS,
      usage: businessUsage,
      itemType: 'ProductCatalog',
      items: (business, ctx) =>
        [...catalogs(ctx.world).catalogs.values()].filter((catalog) => catalog.sharedWithBusinessIds.includes(business.id)),
    },
  });
}
