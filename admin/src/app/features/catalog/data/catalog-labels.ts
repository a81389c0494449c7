import type { CatalogLineOfBusiness, CatalogProductSyncState, CatalogSyncDto } from '@legeai/contracts';

/** People's words for the catalog's states and kinds. */
export const LINE_OF_BUSINESS_LABELS: Record<CatalogLineOfBusiness, string> = {
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

export const PRODUCT_STATE_LABELS: Record<CatalogProductSyncState, string> = {
  synced: 'Synced',
  pending: 'Waiting for the next sync',
  error: 'Not in the catalog',
};

export const SYNC_STATE_LABELS: Record<CatalogSyncDto['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  awaiting_confirmation: 'Waiting for an admin',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const SYNC_TRIGGER_LABELS: Record<CatalogSyncDto['trigger'], string> = {
  schedule: 'Scheduled',
  on_demand: 'Sync now',
  confirmation: 'Confirmed by an admin',
};

export const AVAILABILITY_LABELS: Record<string, string> = {
  'in stock': 'Available',
  'out of stock': 'Not available',
  'available for order': 'On request',
  discontinued: 'Discontinued',
};

/** 1999 USD → "$19.99" in the reader's locale. */
export function formatPrice(priceMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(priceMinor / 100);
  } catch {
    return `${(priceMinor / 100).toFixed(2)} ${currency}`;
  }
}
