import { Role } from './roles';

/**
 * Alerts that reach people: conditions evaluated on a schedule per organisation (one alert per condition until it
 * clears, then one "resolved"), new-lead notices, delivered in the console (notifications) and by email.
 */

/** What a user can be told about; each has its own channel preferences. */
export enum AlertEventType {
  /** Meta refused the connection's token: someone must reconnect. */
  ReauthRequired = 'reauth_required',
  /** The connection's token (or its data access) ends within 7 days. */
  TokenExpiring = 'token_expiring',
  /** A connected Page lost its leadgen webhook subscription and the health check did not restore it. */
  PageSubscriptionLost = 'page_subscription_lost',
  /** Leads failed or parked beyond the organisation's thresholds. */
  LeadsFailing = 'leads_failing',
  /** A sync (campaigns, insights, catalog, lead reconciliation) keeps failing. */
  SyncFailing = 'sync_failing',
  /** An outgoing webhook endpoint failed for long enough that it was disabled; it needs fixing and enabling again. */
  WebhookEndpointDisabled = 'webhook_endpoint_disabled',
  /** A lead arrived (opt-in, immediate or as a digest). */
  NewLead = 'new_lead',
}

export const ALERT_EVENT_TYPES: readonly AlertEventType[] = Object.values(AlertEventType);

export type NotificationChannel = 'in_app' | 'email';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['in_app', 'email'];

/** How new-lead notices come: not at all, one per arrival batch, or a digest every hour or every day. */
export type NewLeadFrequency = 'off' | 'immediate' | 'hourly' | 'daily';
export const NEW_LEAD_FREQUENCIES: readonly NewLeadFrequency[] = ['off', 'immediate', 'hourly', 'daily'];

/** What a notification says of its alert: it was raised, it cleared, or a new-lead notice / digest. */
export type NotificationKind = 'raised' | 'resolved' | 'new_lead' | 'digest';

export interface NotificationDto {
  id: string;
  eventType: AlertEventType;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A console path where it is acted on, e.g. `/integrations/meta`. */
  link: string | null;
  alertId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListQuery {
  unreadOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface UnreadCountDto {
  unread: number;
}

export interface MarkReadResult {
  /** How many notifications this call marked read. */
  marked: number;
}

export interface EventPreferenceDto {
  eventType: AlertEventType;
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferencesDto {
  events: EventPreferenceDto[];
  /** New leads: off (default), immediate, or a digest. */
  newLeadFrequency: NewLeadFrequency;
}

export type UpdateNotificationPreferencesRequest = NotificationPreferencesDto;

/** Defaults by role: admins hear of connection and failure alerts in the console and by email. */
export function defaultPreference(role: Role, eventType: AlertEventType): { inApp: boolean; email: boolean } {
  if (eventType === AlertEventType.NewLead) return { inApp: true, email: false };
  if (role === Role.Admin) return { inApp: true, email: true };
  if (role === Role.Manager) return { inApp: true, email: false };
  const viewerHears = eventType === AlertEventType.ReauthRequired || eventType === AlertEventType.LeadsFailing;
  return { inApp: viewerHears, email: false };
}

export type AlertState = 'open' | 'resolved';

export interface AlertDto {
  id: string;
  eventType: AlertEventType;
  /** The condition it is about, e.g. `reauth_required` or `sync_failing:ads:act_1`. */
  conditionKey: string;
  state: AlertState;
  title: string;
  body: string;
  link: string | null;
  openedAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
}

export interface AlertListDto {
  open: AlertDto[];
  /** Resolved in the last 14 days, newest first. */
  recent: AlertDto[];
}

/** The organisation's thresholds of the failure conditions (admins change them). */
export interface AlertSettingsDto {
  /** Leads failed within the window at or above which an alert is raised. */
  failedLeadsThreshold: number;
  /** Leads parked now (waiting for a reconnect) at or above which an alert is raised. */
  parkedLeadsThreshold: number;
  /** The window failed leads are counted in, in hours. */
  failedLeadsWindowHours: number;
  /** Failed runs in a row after which a sync "keeps failing". */
  syncFailuresInARow: number;
}

export type UpdateAlertSettingsRequest = Partial<AlertSettingsDto>;

/** The bounds `PUT /v1/alert-settings` accepts (whole numbers), shared so the console says them before the API refuses. */
export const ALERT_SETTINGS_LIMITS: Readonly<Record<keyof AlertSettingsDto, { min: number; max: number }>> = {
  failedLeadsThreshold: { min: 1, max: 100_000 },
  parkedLeadsThreshold: { min: 1, max: 100_000 },
  failedLeadsWindowHours: { min: 1, max: 168 },
  syncFailuresInARow: { min: 1, max: 24 },
};

export const DEFAULT_ALERT_SETTINGS: AlertSettingsDto = {
  failedLeadsThreshold: 5,
  parkedLeadsThreshold: 1,
  failedLeadsWindowHours: 24,
  syncFailuresInARow: 3,
};

/**
 * An outgoing email: `pending` (waiting for its send job), `sent` (the SMTP server took it), `kept` (no SMTP server
 * configured: it stays here for an admin to read), `failed` (out of retries).
 */
export type MailState = 'pending' | 'sent' | 'kept' | 'failed';

export interface MailSummaryDto {
  id: string;
  to: string;
  subject: string;
  state: MailState;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface MailMessageDto extends MailSummaryDto {
  from: string;
  text: string;
}
