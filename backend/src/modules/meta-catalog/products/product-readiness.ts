import type { ItemIssue } from './product-fields';
import { MAX_DESCRIPTION, MAX_TITLE } from './product-fields';
import type { ProductContent } from './product-feed';

/** An absolute https URL: Meta fetches the landing page and the image, and ads link only to secure pages. */
export function isAbsoluteHttps(value: string | null | undefined): boolean {
  if (!value || /\s/.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname.length > 0;
}

/**
 * What a product still lacks for Meta's catalog, by field, before anything is sent. Follows Meta's product data
 * specification (https://www.facebook.com/business/help/120325381656392) and the catalog fields reference
 * (https://developers.facebook.com/docs/marketing-api/catalog/reference/). A product with issues can be saved; a sync
 * does not send it and shows these issues on it.
 */
export function readinessIssues(product: ProductContent): ItemIssue[] {
  const issues: ItemIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ source: 'readiness', field, message });
  if (!product.name.trim()) issue('name', 'Meta needs a name (title)');
  else if (product.name.length > MAX_TITLE)
    issue('name', `The name has ${product.name.length} characters; Meta takes at most ${MAX_TITLE}`);
  if (!product.description.trim()) issue('description', 'Meta needs a description');
  else if (product.description.length > MAX_DESCRIPTION)
    issue('description', `The description has ${product.description.length} characters; Meta takes at most ${MAX_DESCRIPTION}`);
  if (!product.imageUrl) issue('imageUrl', 'Meta needs an image: add an image URL');
  else if (!isAbsoluteHttps(product.imageUrl)) issue('imageUrl', 'The image URL must be an absolute https URL (https://…)');
  if (!product.landingUrl) issue('landingUrl', 'Meta needs a landing page: add a landing URL');
  else if (!isAbsoluteHttps(product.landingUrl)) issue('landingUrl', 'The landing URL must be an absolute https URL (https://…)');
  if (!Number.isSafeInteger(product.priceMinor) || product.priceMinor <= 0)
    issue('priceMinor', 'Meta needs a price above zero (in minor units, e.g. 1999 for 19.99)');
  if (!/^[A-Z]{3}$/.test(product.currency)) issue('currency', 'The currency must be a three-letter ISO 4217 code, like USD');
  if (!product.brand.trim()) issue('brand', 'Meta needs a brand (the carrier or the agency)');
  return issues;
}
