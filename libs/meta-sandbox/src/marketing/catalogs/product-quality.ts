import type { ProductRecord } from './catalog-state';

/**
 * Quality problems of an item Meta accepted: what its `errors` field (`ProductItemError`: title, description,
 * error_type, error_priority) and the catalog's `diagnostics` show. Types are Meta's `ProductItem.ErrorType` values
 * (https://developers.facebook.com/docs/marketing-api/reference/product-item/); the wording is the sandbox's.
 */
export interface ProductIssue {
  type: string;
  title: string;
  description: string;
  priority: 'HIGH' | 'MEDIUM' | 'LOW';
}

const isAllCaps = (text: string): boolean => /[A-Z].*[A-Z].*[A-Z].*[A-Z].*[A-Z]/.test(text) && !/[a-z]/.test(text);

/** Issues of fields a request sends, as batch warnings (the item is still created or updated). */
export function fieldWarnings(data: { title?: string; description?: string; priceMinor?: number }): ProductIssue[] {
  const issues: ProductIssue[] = [];
  if (data.title !== undefined && isAllCaps(data.title)) {
    issues.push({
      type: 'LOW_QUALITY_TITLE_AND_DESCRIPTION',
      priority: 'LOW',
      title: 'Title in all capital letters',
      description: 'Titles in all capital letters may perform worse in ads. Use sentence case.',
    });
  }
  if (data.title !== undefined && data.description !== undefined && data.title.trim() === data.description.trim()) {
    issues.push({
      type: 'DUPLICATE_TITLE_AND_DESCRIPTION',
      priority: 'LOW',
      title: 'Title and description are the same',
      description: 'Describe the item in the description instead of repeating its title.',
    });
  }
  if (data.priceMinor !== undefined && data.priceMinor <= 0) {
    issues.push({
      type: 'ITEM_PRICE_NOT_POSITIVE',
      priority: 'HIGH',
      title: 'Price is zero',
      description: 'Items priced at 0 are not shown in ads. Set a price greater than 0.',
    });
  }
  return issues;
}

/** Every issue of an item as it is now, including the missing attributes of items made elsewhere. */
export function productIssues(product: ProductRecord): ProductIssue[] {
  const issues: ProductIssue[] = [];
  if (!product.imageUrl)
    issues.push({
      type: 'EMPTY_IMAGE_URL',
      priority: 'HIGH',
      title: 'Missing image',
      description: 'Add an image_link: items without an image cannot be shown in ads.',
    });
  if (!product.description)
    issues.push({
      type: 'EMPTY_DESCRIPTION',
      priority: 'MEDIUM',
      title: 'Missing description',
      description: 'Add a description of the item.',
    });
  if (!product.url)
    issues.push({
      type: 'EMPTY_PRODUCT_URL',
      priority: 'HIGH',
      title: 'Missing website link',
      description: 'Add a link to the item’s page on your website.',
    });
  issues.push(...fieldWarnings({ title: product.name, description: product.description, priceMinor: product.priceMinor }));
  return issues;
}
