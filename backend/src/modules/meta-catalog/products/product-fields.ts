/** The vocabulary of catalog products, syncs and their states. */

export const LINES_OF_BUSINESS = ['auto', 'home', 'life', 'health', 'renters', 'pet', 'travel', 'business', 'other'] as const;
export type LineOfBusiness = (typeof LINES_OF_BUSINESS)[number];

/** Meta's availability values (https://developers.facebook.com/docs/marketing-api/catalog/reference/#availability). */
export const PRODUCT_AVAILABILITIES = ['in stock', 'out of stock', 'available for order', 'discontinued'] as const;
export type ProductAvailability = (typeof PRODUCT_AVAILABILITIES)[number];

export const PRODUCT_SYNC_STATES = ['synced', 'pending', 'error'] as const;
export type ProductSyncState = (typeof PRODUCT_SYNC_STATES)[number];

export type CatalogSyncState = 'queued' | 'running' | 'awaiting_confirmation' | 'succeeded' | 'failed' | 'cancelled';
export type CatalogSyncTrigger = 'schedule' | 'on_demand' | 'confirmation';

/** One error or warning about a product: Meta's (from items_batch or the handle's status) or ours (readiness). */
export interface ItemIssue {
  source: 'meta' | 'readiness';
  field?: string;
  message: string;
}

export const MAX_CUSTOM_LABELS = 5;
/** Meta's limits (https://developers.facebook.com/docs/marketing-api/catalog/reference/). */
export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 9_999;
export const MAX_CUSTOM_LABEL = 100;
export const RETAILER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
