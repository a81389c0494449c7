import { formatInstant, isIsoInstant } from '../time/format-time';
import { humanizeKey } from './humanize';
import { LEAD_FIELD_LABELS, LEAD_STATUS_LABELS } from './lead-labels';
import { ROLE_LABELS } from './role-labels';

/** What an audit entry records, in words; the code stays available as the entry's title. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.locked_out': 'Account locked after failed sign-ins',
  'auth.refreshed': 'Session renewed',
  'auth.logout': 'Signed out',
  'auth.refresh_reuse': 'Used session token presented again: session ended',
  'auth.board_session': 'Opened Bull Board',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'user.membership_added': 'Existing user added to the organisation',
  'auth.organisation_switched': 'Switched organisation',
  'organisation.created': 'Organisation created',
  'organisation.suspended': 'Organisation suspended',
  'organisation.reactivated': 'Organisation reactivated',
  'invitation.created': 'Invitation link created',
  'invitation.accepted': 'Invitation accepted',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'lead.status_changed': 'Lead status changed',
  'lead.premium_changed': 'Lead premium changed',
  'lead.reopened': 'Lead reopened',
  'lead.contact_viewed': 'Lead contact details viewed',
  'lead.exported': 'Leads exported',
  'organisation.updated': 'Organisation settings changed',
  'alerts.settings_updated': 'Alert thresholds changed',
  'lead.duplicate_dismissed': 'Duplicate link removed: not the same person',
  'lead.duplicate_confirmed': 'Possible duplicate confirmed',
  'lead_duplicate_settings.updated': 'Duplicate rule changed',
  'lead.custom_fields_changed': 'Lead fields of a lead changed',
  'lead_field.created': 'Lead field added',
  'lead_field.updated': 'Lead field changed',
  'lead_field.archived': 'Lead field archived',
  'lead_field.restored': 'Lead field restored',
  'lead_field.deleted': 'Lead field deleted',
  'meta.connect_started': 'Meta connection started',
  'meta.connected': 'Meta account connected',
  'meta.connect_denied': 'Meta connection declined',
  'meta.connect_failed': 'Meta connection failed',
  'meta.reconnected': 'Meta account reconnected',
  'meta.disconnected': 'Meta account disconnected',
  'meta.deauthorized': 'App removed at Meta',
  'meta.data_deleted': 'Data deletion requested by Meta',
  'meta.reauth_required': 'Meta refused the token: reconnect needed',
  'meta.health_checked': 'Meta health check run',
  'meta.assets_refreshed': 'Meta assets refreshed',
  'meta.page_resubscribed': 'Page subscribed to new leads again',
  'meta.lead_form_updated': 'Lead form settings changed',
  'meta.lead_form_mapping_updated': 'Lead form mapping changed',
  'meta.test_lead_sent': 'Test lead sent',
  'meta.leads_synced': 'Leads synced from Meta',
  'meta.lead_sync_replayed': 'Lead replayed',
  'meta.lead_syncs_replayed': 'Leads replayed',
  'meta_ads.campaign_created': 'Campaign created',
  'meta_ads.campaign_creation_failed': 'Campaign creation failed',
  'meta_ads.campaign_updated': 'Campaign changed',
  'meta_ads.adset_updated': 'Ad set changed',
  'meta_ads.ad_updated': 'Ad changed',
  'meta_ads.settings_updated': 'Budget guardrails changed',
  'meta_conversions.settings_updated': 'Conversions to Meta settings changed',
  'meta_conversions.dataset_created': 'Meta dataset created',
  'meta_conversions.events_replayed': 'Conversion events sent again',
  'outgoing_webhook.endpoint_created': 'Webhook endpoint added',
  'outgoing_webhook.endpoint_updated': 'Webhook endpoint changed',
  'outgoing_webhook.endpoint_deleted': 'Webhook endpoint deleted',
  'outgoing_webhook.endpoint_enabled': 'Webhook endpoint enabled',
  'outgoing_webhook.endpoint_disabled': 'Webhook endpoint disabled',
  'outgoing_webhook.secret_rotated': 'Webhook signing secret rotated',
  'outgoing_webhook.test_sent': 'Webhook test event sent',
  'outgoing_webhook.delivery_replayed': 'Webhook delivery sent again',
};

/** The log's categories, as its tabs name them. */
export const AUDIT_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  change: 'Changes',
  sign_in: 'Sign-ins',
  access: 'Contact details access',
};

/** Who acted, and what an entry is about. */
export const AUDIT_KIND_LABELS: Readonly<Record<string, string>> = {
  user: 'User',
  api_key: 'API key',
  system: 'System',
  lead: 'Lead',
  lead_field: 'Lead field',
  meta_integration: 'Meta connection',
  meta_lead_form: 'Lead form',
  meta_lead_sync: 'Lead sync',
  meta_page: 'Page',
  organisation: 'Organisation',
  invitation: 'Invitation',
  meta_campaign: 'Campaign',
  meta_adset: 'Ad set',
  meta_ad: 'Ad',
  meta_ad_account: 'Ad account',
  meta_dataset: 'Meta dataset',
  outgoing_webhook_endpoint: 'Webhook endpoint',
  outgoing_webhook_delivery: 'Webhook delivery',
};

/** Names of the fields entries record, where the key alone would not read well. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  canExportContacts: 'Can see contact details',
  defaultCurrency: 'Default currency',
  premiumValue: 'Premium',
  premiumCurrency: 'Premium currency',
  premiumUnknown: 'Premium not known yet',
  statusChangedAt: 'Status changed',
  revokedAt: 'Revoked',
  autoSync: 'Auto-sync',
  lockedUntil: 'Locked until',
  healthOverall: 'Connection health',
  tokenStored: 'Meta token stored',
  metaUserNameStored: 'Meta user name stored',
  leadgenSubscribedAtMeta: 'Subscribed to new leads at Meta',
  metaUserId: 'Meta user',
  testLeadId: 'Test lead',
  customised: 'Own mapping',
  'mapping.fields': 'Question',
  'mapping.defaults': 'Default',
  'mapping.required': 'Required fields',
  dailyBudgetCeilingMinor: 'Daily budget ceiling (minor units)',
  confirmChangeAbovePercent: 'Confirm budget changes above (%)',
};

/**
 * A recorded value in words: roles, lead statuses and lead fields by their labels, yes/no for booleans, instants
 * in the reader's locale, "—" for nothing. `field` is the value's dotted path within the entry.
 */
export function describeAuditValue(field: string, value: unknown): string {
  const key = field.split('.').at(-1) ?? field;
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'string') {
    if (key === 'role' && value in ROLE_LABELS) {
      return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
    }
    if ((key === 'status' || key === 'from' || key === 'to') && value in LEAD_STATUS_LABELS) {
      return LEAD_STATUS_LABELS[value as keyof typeof LEAD_STATUS_LABELS];
    }
    if (field.startsWith('mapping.fields.') || field === 'mapping.required') {
      return value === 'ignore' ? 'Not used' : (LEAD_FIELD_LABELS[value as keyof typeof LEAD_FIELD_LABELS] ?? humanizeKey(value));
    }
    return isIsoInstant(value) ? formatInstant(value) : value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? '—' : value.map((item) => describeAuditValue(field, item)).join(', ');
  }
  // Details come from JSON: what is left is a number or an object.
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}

/**
 * An entry's details on one line, e.g. "Role: Manager · Active: no": keys in words, yes/no for booleans, instants in
 * the reader's locale.
 */
export function describeAuditDetails(details: Record<string, unknown> | null | undefined): string {
  return Object.entries(details ?? {})
    .map(([key, value]) => `${AUDIT_FIELD_LABELS[key] ?? humanizeKey(key)}: ${describeAuditValue(key, value)}`)
    .join(' · ');
}
