import type { LeadSource, LeadStatus } from './leads';
import type { PageQuery } from './paging';

/**
 * Outgoing webhooks: events of an organisation POSTed to the HTTPS endpoints its admins register, signed with the
 * endpoint's secret (see docs/outgoing-webhooks.md for the payloads, headers and how to verify a signature).
 */

/** The lead events an endpoint can subscribe to. */
export const LEAD_WEBHOOK_EVENT_TYPES = ['lead.created', 'lead.updated', 'lead.status_changed', 'lead.duplicate_detected'] as const;
export type LeadWebhookEventType = (typeof LEAD_WEBHOOK_EVENT_TYPES)[number];

/** Every event an endpoint can subscribe to: a union, so campaign and insight events join it later. */
export type WebhookEventType = LeadWebhookEventType;
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [...LEAD_WEBHOOK_EVENT_TYPES];

/** Sent only by "send test event"; no endpoint subscribes to it. */
export const WEBHOOK_TEST_EVENT_TYPE = 'webhook.test';
export type WebhookDeliveryEventType = WebhookEventType | typeof WEBHOOK_TEST_EVENT_TYPE;

/** The headers of every delivery (HTTP header names are case-insensitive; Node lower-cases them). */
export const WEBHOOK_HEADERS = {
  eventId: 'LegeAI-Event-Id',
  eventType: 'LegeAI-Event-Type',
  deliveryId: 'LegeAI-Delivery-Id',
  timestamp: 'LegeAI-Timestamp',
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, one `v1` per valid secret during a rotation. */
  signature: 'LegeAI-Signature',
} as const;

/** A lead as it was when the event happened (the transaction of the change). */
export interface WebhookLeadSnapshot {
  id: string;
  status: LeadStatus;
  source: LeadSource;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phoneE164: string | null;
  city: string | null;
  state: string | null;
  zipCode: string | null;
  country: string | null;
  productInterest: string | null;
  customFields: Record<string, unknown>;
  premiumValue: string | null;
  premiumCurrency: string | null;
  metaLeadId: string | null;
  pageId: string | null;
  formId: string | null;
  campaignId: string | null;
  campaignName: string | null;
  adId: string | null;
  isOrganic: boolean;
  isTest: boolean;
  duplicateOfId: string | null;
  possibleDuplicate: boolean;
  receivedAt: string;
  statusChangedAt: string;
  updatedAt: string;
}

export interface LeadCreatedData {
  lead: WebhookLeadSnapshot;
}
export interface LeadUpdatedData {
  lead: WebhookLeadSnapshot;
  /** What changed: `premium`, or `customFields.<key>` per custom field. */
  changedFields: string[];
}
export interface LeadStatusChangedData {
  lead: WebhookLeadSnapshot;
  previousStatus: LeadStatus | null;
  /** `status` (a move) or `reopen` (a closed lead opened again). */
  change: 'status' | 'reopen';
}
export interface LeadDuplicateDetectedData {
  lead: WebhookLeadSnapshot;
  /** The earlier lead of the same person. */
  duplicateOfId: string;
  /** The rule that matched (`email`, `phone_name`, `phone`). */
  rule: string | null;
  /** Whether an agent has still to confirm it. */
  possible: boolean;
}
export interface WebhookTestData {
  endpointId: string;
  message: string;
}

/** Every delivery's body: the event. `id` is stable across retries and replays (deduplicate on it). */
export interface WebhookEvent<T extends WebhookDeliveryEventType = WebhookDeliveryEventType, D = unknown> {
  id: string;
  type: T;
  /** When the change happened (ISO 8601, UTC). */
  createdAt: string;
  organisationId: string;
  data: D;
}
export type LeadCreatedEvent = WebhookEvent<'lead.created', LeadCreatedData>;
export type LeadUpdatedEvent = WebhookEvent<'lead.updated', LeadUpdatedData>;
export type LeadStatusChangedEvent = WebhookEvent<'lead.status_changed', LeadStatusChangedData>;
export type LeadDuplicateDetectedEvent = WebhookEvent<'lead.duplicate_detected', LeadDuplicateDetectedData>;
export type WebhookTestEvent = WebhookEvent<'webhook.test', WebhookTestData>;

export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  /** Whether events are written and sent to it. */
  enabled: boolean;
  /** Why it is disabled: by whom, or the persistent failure that disabled it. */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Until when the secret before the last rotation still signs (a second `v1`). */
  previousSecretExpiresAt: string | null;
  secretRotatedAt: string | null;
  lastSuccessAt: string | null;
  /** Since when every delivery fails (null: the last one succeeded). */
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Answered once, at creation: the secret is never shown again (rotate it to get a new one). */
export interface CreatedWebhookEndpointDto extends WebhookEndpointDto {
  secret: string;
}

export interface CreateWebhookEndpointRequest {
  url: string;
  description?: string | null;
  eventTypes: WebhookEventType[];
}

export interface UpdateWebhookEndpointRequest {
  url?: string;
  description?: string | null;
  eventTypes?: WebhookEventType[];
}

export interface DisableWebhookEndpointRequest {
  reason?: string;
}

export interface RotateWebhookSecretRequest {
  /** How long the old secret keeps signing too (hours, 0 to 168; default 24). */
  overlapHours?: number;
}

export interface RotatedWebhookSecretDto {
  secret: string;
  previousSecretExpiresAt: string | null;
}

/** Where a delivery stands: waiting or retrying (`pending`), answered 2xx (`delivered`), out of attempts (`failed`). */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';
export const WEBHOOK_DELIVERY_STATES: readonly WebhookDeliveryState[] = ['pending', 'delivered', 'failed'];

export interface WebhookDeliveryDto {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  state: WebhookDeliveryState;
  /** Attempts since it was written or last replayed. */
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  /** A "send test event" delivery. */
  test: boolean;
  createdAt: string;
}

export interface WebhookAttemptDto {
  id: string;
  at: string;
  durationMs: number;
  request: { url: string; headers: Record<string, string>; body: string };
  /** Null when no answer came (refused, timed out, unreachable: see `error`). */
  response: { status: number; bodyExcerpt: string } | null;
  error: string | null;
  success: boolean;
}

export interface WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  attemptLog: WebhookAttemptDto[];
}

export interface WebhookDeliveryListQuery extends PageQuery {
  endpointId?: string;
  eventId?: string;
  eventType?: WebhookDeliveryEventType;
  state?: WebhookDeliveryState;
}
