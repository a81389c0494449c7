import type { GraphContext } from '../../core/graph-context';
import type { NodeTypeSpec } from '../../core/graph-registry';
import type { CatalogRecord, ProductRecord } from './catalog-state';
import { graphTime } from '../../core/clock';
import { GraphErrors } from '../../core/graph-errors';
import { optionalString, parseEnum, parseMinorUnits, requireString } from '../marketing-params';
import {
  AVAILABILITIES,
  CONDITIONS,
  addProduct,
  catalogs,
  formatPrice,
  newProduct,
  productByRetailerId,
  removeProduct,
} from './catalog-state';
import { canSeeCatalog } from './catalog-access';
import { productIssues } from './product-quality';

const CURRENCY = /^[A-Z]{3}$/;

function applyProductParams(ctx: GraphContext, product: ProductRecord): void {
  const text = (name: string) => optionalString(ctx, name);
  if (text('name') !== undefined) product.name = text('name')!;
  if (text('description') !== undefined) product.description = text('description');
  if (text('availability') !== undefined) product.availability = parseEnum(text('availability')!, 'availability', AVAILABILITIES);
  if (text('condition') !== undefined) product.condition = parseEnum(text('condition')!, 'condition', CONDITIONS);
  if (text('price') !== undefined) product.priceMinor = parseMinorUnits(text('price')!, 'price');
  if (text('currency') !== undefined) {
    if (!CURRENCY.test(text('currency')!)) throw GraphErrors.invalidParameter('currency must be an ISO 4217 code');
    product.currency = text('currency')!;
  }
  for (const [param, key] of [
    ['url', 'url'],
    ['image_url', 'imageUrl'],
  ] as const) {
    const value = text(param);
    if (value === undefined) continue;
    if (!/^https?:\/\/\S+$/.test(value)) throw GraphErrors.invalidParameter(`${param} must be an http(s) URL`);
    product[key] = value;
  }
  if (text('brand') !== undefined) product.brand = text('brand');
}

/**
 * `POST /{catalog-id}/products` with `/products` parameter names: price in minor units plus `currency`
 * (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/products/).
 */
export function createProduct(ctx: GraphContext, catalog: CatalogRecord): { id: string } {
  const retailerId = requireString(ctx, 'retailer_id');
  requireString(ctx, 'name');
  requireString(ctx, 'price');
  requireString(ctx, 'currency');
  if (productByRetailerId(ctx.world, catalog.id, retailerId)) {
    throw GraphErrors.invalidParameter(`A product with retailer_id ${retailerId} already exists in this catalog`);
  }
  const product = newProduct(ctx.world, catalog.id, retailerId, '', ctx.runtime.clock.now());
  applyProductParams(ctx, product);
  addProduct(ctx.world, product);
  return { id: product.id };
}

/** A catalog item (`/{product-id}`): read, update with POST, DELETE. */
export const productNode: NodeTypeSpec<ProductRecord> = {
  type: 'ProductItem',
  load: (id, world) => catalogs(world).products.get(id),
  idOf: (product) => product.id,
  visible: (product, ctx) => {
    const catalog = catalogs(ctx.world).catalogs.get(product.catalogId);
    return Boolean(catalog && canSeeCatalog(catalog, ctx));
  },
  access: { permissions: ['catalog_management'] },
  usage: (product) => [{ type: 'catalog_management', objectId: product.catalogId }],
  defaultFields: ['id', 'retailer_id', 'name'],
  fields: {
    id: (p) => p.id,
    retailer_id: (p) => p.retailerId,
    name: (p) => p.name,
    description: (p) => p.description,
    availability: (p) => p.availability,
    condition: (p) => p.condition,
    price: (p) => formatPrice(p),
    currency: (p) => p.currency,
    url: (p) => p.url,
    image_url: (p) => p.imageUrl,
    brand: (p) => p.brand,
    product_type: (p) => p.productType,
    custom_label_0: (p) => p.customLabels[0],
    custom_label_1: (p) => p.customLabels[1],
    custom_label_2: (p) => p.customLabels[2],
    custom_label_3: (p) => p.customLabels[3],
    custom_label_4: (p) => p.customLabels[4],
    review_status: () => 'approved',
    /** `ProductItemError`s: what Meta would flag on the item as it is now. */
    errors: (p) =>
      productIssues(p).map((issue) => ({
        title: issue.title,
        description: issue.description,
        error_type: issue.type,
        error_priority: issue.priority,
      })),
    created_time: (p) => graphTime(p.createdTime),
    updated_time: (p) => graphTime(p.updatedTime),
  },
  update: {
    handle: (ctx, product) => {
      applyProductParams(ctx, product);
      product.updatedTime = ctx.runtime.clock.now();
      return { success: true };
    },
  },
  remove: {
    handle: (ctx, product) => {
      removeProduct(ctx.world, product);
      return { success: true };
    },
  },
};
