import type { GraphContext } from '../../core/graph-context';
import type { CatalogRecord } from './catalog-state';

export const CATALOG_ACCESS = { permissions: ['catalog_management'] };

/** People of the owning business see a catalog, and people of the businesses it was shared with (client catalogs). */
export const canSeeCatalog = (catalog: CatalogRecord, ctx: GraphContext): boolean => {
  const businessIds = ctx.identity?.user?.businessIds ?? [];
  return businessIds.includes(catalog.businessId) || catalog.sharedWithBusinessIds.some((id) => businessIds.includes(id));
};
