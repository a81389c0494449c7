import { createHash } from 'node:crypto';
import type { CatalogProduct } from '../entities/catalog-product.entity';

/** What a product is made of for the catalog: the fields the hash covers and the batch sends. */
export type ProductContent = Pick<
  CatalogProduct,
  | 'retailerId'
  | 'name'
  | 'description'
  | 'brand'
  | 'lineOfBusiness'
  | 'priceMinor'
  | 'currency'
  | 'landingUrl'
  | 'imageUrl'
  | 'availability'
  | 'customLabels'
>;

const LINE_NAMES: Record<string, string> = {
  auto: 'Auto',
  home: 'Home',
  life: 'Life',
  health: 'Health',
  renters: 'Renters',
  pet: 'Pet',
  travel: 'Travel',
  business: 'Business',
  other: 'Other',
};

/** "1999" minor units → "19.99 USD", the price format of items_batch's feed fields. */
export function feedPrice(priceMinor: number, currency: string): string {
  return `${Math.floor(priceMinor / 100)}.${String(priceMinor % 100).padStart(2, '0')} ${currency}`;
}

/**
 * The `data` of an items_batch request, in feed field names (`id` is the retailer id, `title`, `link`, `image_link`,
 * `price` as "19.99 USD"): https://developers.facebook.com/docs/marketing-api/catalog-batch/reference/. Insurance is a
 * service, so `condition` is always `new`.
 */
export function feedData(product: ProductContent): Record<string, string> {
  const data: Record<string, string> = {
    id: product.retailerId,
    title: product.name,
    description: product.description,
    availability: product.availability,
    condition: 'new',
    price: feedPrice(product.priceMinor, product.currency),
    link: product.landingUrl ?? '',
    image_link: product.imageUrl ?? '',
    brand: product.brand,
    product_type: `Insurance > ${LINE_NAMES[product.lineOfBusiness] ?? 'Other'}`,
  };
  // Every label is sent, blank when unset, so removing one reaches the catalog too.
  for (let i = 0; i < 5; i++) data[`custom_label_${i}`] = product.customLabels[i] ?? '';
  return data;
}

/** SHA-256 of the feed data in a fixed key order: equal hashes, equal items in the catalog. */
export function contentHash(product: ProductContent): string {
  const data = feedData(product);
  const canonical = JSON.stringify(
    Object.keys(data)
      .sort()
      .map((key) => [key, data[key]]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}
