import { AlertEventType, type MailState, type NewLeadFrequency, type NotificationKind } from '@legeai/contracts';

export const ALERT_EVENT_TYPE_LABELS: Readonly<Record<AlertEventType, string>> = {
  [AlertEventType.ReauthRequired]: 'Meta needs a reconnect',
  [AlertEventType.TokenExpiring]: 'Meta access ends within 7 days',
  [AlertEventType.PageSubscriptionLost]: 'A Page stopped sending leads in real time',
  [AlertEventType.LeadsFailing]: 'Leads failed or parked',
  [AlertEventType.SyncFailing]: 'A sync keeps failing',
  [AlertEventType.WebhookEndpointDisabled]: 'A webhook endpoint was disabled',
  [AlertEventType.NewLead]: 'New leads',
};

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  raised: 'Alert',
  resolved: 'Resolved',
  new_lead: 'New lead',
  digest: 'Digest',
};

export const NEW_LEAD_FREQUENCY_LABELS: Readonly<Record<NewLeadFrequency, string>> = {
  off: 'Off',
  immediate: 'As they arrive',
  hourly: 'Hourly digest',
  daily: 'Daily digest',
};

export const MAIL_STATE_LABELS: Readonly<Record<MailState, string>> = {
  pending: 'Waiting to be sent',
  sent: 'Sent',
  kept: 'Kept here (no SMTP server)',
  failed: 'Failed',
};
