/** Tunables of the sweep that have no environment variable of their own. */
export interface ReconcileOptions {
  /** How far back the first sweep of a form reads: Meta keeps leads downloadable for 90 days (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/retrieving). */
  lookbackDays: number;
  /** `limit` of each `/{form-id}/leads` page. */
  pageSize: number;
}

export const RECONCILE_OPTIONS = Symbol('RECONCILE_OPTIONS');

export const DEFAULT_RECONCILE_OPTIONS: ReconcileOptions = { lookbackDays: 90, pageSize: 100 };
