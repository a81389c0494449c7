import type { BatchIssue, BatchRequest } from './catalog-state';
import { isObject } from '../marketing-params';
import { AVAILABILITIES, CONDITIONS } from './catalog-state';
import { fieldWarnings } from './product-quality';

/**
 * Per-item checks of an `items_batch` request, on feed field names (`id` = retailer id, `title`, `price` as
 * "1234.50 USD", `link`, `image_link`). Required fields and limits follow Meta's product data specification
 * (https://www.facebook.com/business/help/120325381656392) and the items_batch reference
 * (https://developers.facebook.com/docs/marketing-api/reference/product-catalog/items_batch/); Meta does not publish
 * the message texts, so they are the sandbox's: key on the field they name.
 */

/** Fields a CREATE must carry; `brand` may be replaced by `gtin` or `mpn`. */
const REQUIRED_ON_CREATE = ['title', 'description', 'availability', 'condition', 'price', 'link', 'image_link'] as const;
const STRING_FIELDS = [
  'id',
  'title',
  'description',
  'availability',
  'condition',
  'price',
  'sale_price',
  'link',
  'image_link',
  'brand',
  'gtin',
  'mpn',
  'product_type',
  'custom_label_0',
  'custom_label_1',
  'custom_label_2',
  'custom_label_3',
  'custom_label_4',
];
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 9_999;
export const MAX_CUSTOM_LABEL = 100;
export const MAX_RETAILER_ID = 100;
export const PRICE = /^(\d{1,12}(?:\.\d{1,2})?) ([A-Z]{3})$/;

export interface CheckedItem {
  /** Present when the request may go ahead (it may still carry warnings). */
  request?: BatchRequest;
  retailerId?: string;
  errors: BatchIssue[];
  warnings: BatchIssue[];
}

/** Absolute http(s) URLs only: Meta fetches links and images, so a relative path or another scheme is refused. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/]+/i.test(value) || /\s/.test(value)) return false;
  return URL.canParse(value);
}

/** Parses "1234.50 USD" into minor units and a currency, or undefined when the format is wrong. */
export function parsePrice(value: string): { minor: number; currency: string } | undefined {
  const match = PRICE.exec(value.trim());
  if (!match) return undefined;
  return { minor: Math.round(Number(match[1]) * 100), currency: match[2] };
}

export function checkItem(raw: unknown, line: number): CheckedItem {
  if (!isObject(raw) || !isObject(raw['data'])) {
    return { errors: [{ line, message: 'Each request needs a method (CREATE, UPDATE or DELETE) and a data object' }], warnings: [] };
  }
  const method = raw['method'];
  const data = raw['data'];
  const retailerId = typeof data['id'] === 'string' && data['id'].trim() !== '' ? data['id'] : undefined;
  const errors: BatchIssue[] = [];
  const warnings: BatchIssue[] = [];
  const error = (message: string) => errors.push({ line, id: retailerId, message });
  if (method !== 'CREATE' && method !== 'UPDATE' && method !== 'DELETE')
    error(`Invalid method ${JSON.stringify(method)}: use CREATE, UPDATE or DELETE`);
  if (!retailerId) error('Missing required field: id');
  else if (retailerId.length > MAX_RETAILER_ID) error(`Invalid id: at most ${MAX_RETAILER_ID} characters`);
  if (method === 'DELETE' || errors.length > 0) return outcome(method, data, retailerId, errors, warnings);

  for (const field of STRING_FIELDS) {
    if (data[field] !== undefined && typeof data[field] !== 'string') error(`Invalid value for ${field}: must be a string`);
  }
  const text = (field: string): string | undefined => (typeof data[field] === 'string' ? data[field] : undefined);
  // A field of the wrong type was refused above; "missing" is for absent or blank ones.
  const missing = (field: string): boolean =>
    data[field] === undefined || data[field] === null || (typeof data[field] === 'string' && data[field].trim() === '');
  if (method === 'CREATE') {
    for (const field of REQUIRED_ON_CREATE) if (missing(field)) error(`Missing required field: ${field}`);
    if (missing('brand') && missing('gtin') && missing('mpn')) error('Missing required field: brand (or gtin or mpn)');
  }
  const title = text('title');
  if (title !== undefined && title.length > MAX_TITLE) error(`Invalid title: ${title.length} characters, at most ${MAX_TITLE}`);
  const description = text('description');
  if (description !== undefined && description.length > MAX_DESCRIPTION)
    error(`Invalid description: ${description.length} characters, at most ${MAX_DESCRIPTION}`);
  const price = text('price');
  const parsedPrice = price === undefined || price === '' ? undefined : parsePrice(price);
  if (price !== undefined && price !== '' && !parsedPrice)
    error(`Invalid price "${price}": use an amount and an ISO 4217 currency code, like "1234.50 USD"`);
  const availability = text('availability');
  if (availability && !(AVAILABILITIES as readonly string[]).includes(availability))
    error(`Invalid availability "${availability}": use one of ${AVAILABILITIES.join(', ')}`);
  const condition = text('condition');
  if (condition && !(CONDITIONS as readonly string[]).includes(condition))
    error(`Invalid condition "${condition}": use one of ${CONDITIONS.join(', ')}`);
  for (const field of ['link', 'image_link']) {
    const value = text(field);
    if (value && !isAbsoluteHttpUrl(value)) error(`Invalid URL in ${field}: "${value}" is not an absolute http or https URL`);
  }
  for (let i = 0; i < 5; i++) {
    const label = text(`custom_label_${i}`);
    if (label !== undefined && label.length > MAX_CUSTOM_LABEL) error(`Invalid custom_label_${i}: at most ${MAX_CUSTOM_LABEL} characters`);
  }
  for (const issue of fieldWarnings({ title, description, priceMinor: parsedPrice?.minor }))
    warnings.push({ line, id: retailerId, message: `${issue.title}: ${issue.description}` });
  return outcome(method, data, retailerId, errors, warnings);
}

function outcome(
  method: unknown,
  data: Record<string, unknown>,
  retailerId: string | undefined,
  errors: BatchIssue[],
  warnings: BatchIssue[],
): CheckedItem {
  if (errors.length > 0) return { retailerId, errors, warnings };
  return { request: { method: method as BatchRequest['method'], data }, retailerId, errors, warnings };
}
