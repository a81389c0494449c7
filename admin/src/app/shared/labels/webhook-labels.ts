import type { WebhookDeliveryEventType, WebhookDeliveryState } from '@legeai/contracts';

/** The events an outgoing webhook endpoint can subscribe to (and the test event), in words. */
export const WEBHOOK_EVENT_TYPE_LABELS: Readonly<Record<WebhookDeliveryEventType, string>> = {
  'lead.created': 'Lead created',
  'lead.updated': 'Lead updated',
  'lead.status_changed': 'Lead status changed',
  'lead.duplicate_detected': 'Duplicate lead detected',
  'webhook.test': 'Test event',
};

/** Where an outgoing webhook delivery stands. */
export const WEBHOOK_DELIVERY_STATE_LABELS: Readonly<Record<WebhookDeliveryState, string>> = {
  pending: 'Waiting or retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};
