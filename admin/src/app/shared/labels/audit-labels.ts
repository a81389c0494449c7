import { formatInstant, isIsoInstant } from '../time/format-time';
import { humanizeKey } from './humanize';

/** What an audit entry records, in words; the code stays available as the entry's title. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.refresh_reuse': 'Used session token presented again: session ended',
  'auth.board_session': 'Opened Bull Board',
  'user.created': 'User added',
  'user.updated': 'User changed',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'lead.status_changed': 'Lead status changed',
  'lead.premium_changed': 'Lead premium changed',
  'lead.exported': 'Leads exported',
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
  'meta_conversions.settings_updated': 'Conversions to Meta settings changed',
  'meta_conversions.dataset_created': 'Meta dataset created',
  'meta_conversions.events_replayed': 'Conversion events sent again',
};

/** Who acted, and what an entry is about. */
export const AUDIT_KIND_LABELS: Readonly<Record<string, string>> = {
  user: 'User',
  api_key: 'API key',
  system: 'System',
  lead: 'Lead',
  meta_integration: 'Meta connection',
  meta_lead_form: 'Lead form',
  meta_lead_sync: 'Lead sync',
  meta_page: 'Page',
  meta_dataset: 'Meta dataset',
};

/**
 * An entry's details on one line, e.g. "Role: manager · Active: no": keys in words, yes/no for booleans, instants in
 * the reader's locale.
 */
export function describeAuditDetails(details: Record<string, unknown> | null | undefined): string {
  return Object.entries(details ?? {})
    .map(([key, value]) => `${humanizeKey(key)}: ${describeValue(value)}`)
    .join(' · ');
}

function describeValue(value: unknown): string {
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'string') {
    return isIsoInstant(value) ? formatInstant(value) : value;
  }
  if (value === null || value === undefined) {
    return '—';
  }
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.map((item) => describeValue(item)).join(', ');
  }
  // Details come from JSON: what is left is a number or an object.
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
}
