/** MetaCatalog: insurance products synced to the linked Meta catalog through items_batch. */

export type CatalogLineOfBusiness = 'auto' | 'home' | 'life' | 'health' | 'renters' | 'pet' | 'travel' | 'business' | 'other';
export type CatalogProductAvailability = 'in stock' | 'out of stock' | 'available for order' | 'discontinued';
export type CatalogProductSyncState = 'synced' | 'pending' | 'error';
export type CatalogSyncStateName = 'queued' | 'running' | 'awaiting_confirmation' | 'succeeded' | 'failed' | 'cancelled';

export interface CatalogItemIssue {
  /** `meta`: Meta's answer for the item; `readiness`: what the product lacks before it can be sent. */
  source: 'meta' | 'readiness';
  field?: string;
  message: string;
}

export interface CatalogProductRequest {
  retailerId: string;
  name: string;
  description?: string;
  brand: string;
  lineOfBusiness?: CatalogLineOfBusiness;
  priceMinor: number;
  currency: string;
  landingUrl?: string | null;
  imageUrl?: string | null;
  availability?: CatalogProductAvailability;
  customLabels?: (string | null)[];
}

export interface CatalogProductDto {
  id: string;
  retailerId: string;
  name: string;
  description: string;
  brand: string;
  lineOfBusiness: CatalogLineOfBusiness;
  priceMinor: number;
  currency: string;
  landingUrl: string | null;
  imageUrl: string | null;
  availability: CatalogProductAvailability;
  customLabels: (string | null)[];
  syncState: CatalogProductSyncState;
  /** What Meta still needs before the product can be sent; empty when it is ready. */
  readiness: CatalogItemIssue[];
  syncErrors: CatalogItemIssue[];
  syncWarnings: CatalogItemIssue[];
  syncedAt: string | null;
  updatedAt: string;
}

export interface CatalogImportProblem {
  /** Line of the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export interface CatalogImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: CatalogImportProblem[];
}

export interface MetaCatalogDto {
  id: string;
  name: string;
  businessId: string | null;
  businessName: string | null;
  vertical: string | null;
  productCount: number | null;
}

export interface CatalogDiagnosticDto {
  title: string;
  description: string;
  severity: string | null;
  affectedItems: number | null;
}

export interface CatalogLinkDto {
  catalogId: string;
  catalogName: string;
  businessId: string | null;
  linkedAt: string;
  /** From Graph at the time of asking; null when Meta could not be reached (`graphError` says why). */
  productCount: number | null;
  diagnostics: CatalogDiagnosticDto[];
  graphError: string | null;
}

export interface CatalogSyncDto {
  id: string;
  catalogId: string;
  trigger: 'schedule' | 'on_demand' | 'confirmation';
  state: CatalogSyncStateName;
  creates: number;
  updates: number;
  deletes: number;
  skipped: number;
  itemErrors: number;
  itemWarnings: number;
  writeRequests: number;
  statusPolls: number;
  batchesTotal: number;
  batchesDone: number;
  /** While awaiting confirmation: the retailer ids the sync would delete. */
  pendingDeletes: string[] | null;
  error: string | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
