import { LeadSyncErrorKind, LeadSyncState, MetaActivityDelivery, WebhookQuarantineReason } from '@legeai/contracts';

/** Where a Meta lead is in the pipeline. */
export const LEAD_SYNC_STATE_LABELS: Readonly<Record<LeadSyncState, string>> = {
  [LeadSyncState.Pending]: 'Pending',
  [LeadSyncState.Stored]: 'Stored',
  [LeadSyncState.Duplicate]: 'Already stored',
  [LeadSyncState.Failed]: 'Failed',
  [LeadSyncState.Parked]: 'Parked',
  [LeadSyncState.Skipped]: 'Skipped',
};

/** Why the last attempt of a lead sync did not store the lead. */
export const SYNC_ERROR_KIND_LABELS: Readonly<Record<LeadSyncErrorKind, string>> = {
  auth: 'Token refused',
  permission: 'Permission missing',
  rate_limited: 'Rate limited',
  transient: 'Temporary error',
  validation: 'Request refused',
  unknown: 'Unknown error',
  paused: 'Meta calls paused',
};

/** What to do about each kind of sync error, when the sync carries no hint of its own. */
export const SYNC_ERROR_HINT_LABELS: Readonly<Record<LeadSyncErrorKind, string>> = {
  auth: 'Meta refused the token: reconnect Meta from Integrations → Meta; parked leads are replayed after the reconnect.',
  permission:
    "Reconnect Meta and grant the permission Meta names (reading leads needs leads_retrieval and the Page's Advertise task), then replay.",
  rate_limited: 'Meta is throttling calls; the lead is retried by itself once access returns.',
  transient: 'Meta had a temporary problem; replay the lead, or let the scheduled sync of auto-sync forms pick it up.',
  validation: 'Meta refused the request (the lead or its form may be gone at Meta); check the form on the Meta page, then replay.',
  unknown:
    'Replay the lead; if it fails again, look up the Meta error code at https://developers.facebook.com/docs/graph-api/guides/error-handling.',
  paused: 'Meta kept failing calls, so they are paused for a while; the lead is read when they resume.',
};

export const DELIVERY_STATUS_LABELS: Readonly<Record<MetaActivityDelivery['status'], string>> = {
  received: 'Received',
  enqueued: 'Queued',
  processed: 'Processed',
  failed: 'Failed',
  ignored: 'Ignored',
  quarantined: 'Quarantined',
};

/** Why part of a webhook delivery produced no lead job. */
export const IGNORE_REASON_LABELS: Readonly<Record<string, string>> = {
  unsupported_object: 'Not a Page delivery',
  no_entries: 'No entries',
  no_change_values: 'No change values',
  unknown_field: 'Not a lead change',
  malformed_change: 'Unreadable change',
  unknown_page: 'Page not connected',
  repeated_in_delivery: 'Repeated in the same delivery',
};

/** What each quarantine reason means, in a sentence after "Quarantined:". */
export const QUARANTINE_REASON_LABELS: Readonly<Record<WebhookQuarantineReason, string>> = {
  not_application_json: 'sent with another content type than application/json',
  invalid_utf8: 'the body is not valid UTF-8',
  not_json: 'the body is not JSON',
  nul_character: 'the body contains a NUL character (\\u0000)',
  unpaired_surrogate: 'the body contains an unpaired surrogate escape',
};

/** What each background queue does; the queue's own name stays beside it for Bull Board. */
export const QUEUE_LABELS: Readonly<Record<string, string>> = {
  'meta-leads': 'Lead capture',
  'meta-webhook': 'Webhook inbox upkeep',
  'meta-auth': 'Connection health',
  'meta-conversions': 'Conversions to Meta',
  'outgoing-webhooks': 'Outgoing webhooks',
  schedules: 'Schedules',
};

/** Where a Conversions API event stands. */
export const CAPI_EVENT_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: 'Waiting to send',
  accepted: 'Accepted by Meta',
  failed: 'Failed',
  expired: 'Expired',
};

/** Jobs of a queue by state, as the Activity page counts them. */
export const QUEUE_JOB_STATE_LABELS: Readonly<Record<'waiting' | 'active' | 'delayed' | 'failed', string>> = {
  waiting: 'Waiting',
  active: 'Running',
  delayed: 'Delayed',
  failed: 'Failed',
};
