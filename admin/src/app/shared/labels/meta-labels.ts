import { HealthCheckLevel, LeadFormReconcileOutcome, MetaIntegrationStatus, MetaTokenType } from '@legeai/contracts';

export const INTEGRATION_STATUS_LABELS: Readonly<Record<MetaIntegrationStatus, string>> = {
  [MetaIntegrationStatus.Active]: 'Active',
  [MetaIntegrationStatus.ReauthRequired]: 'Reconnect needed',
  [MetaIntegrationStatus.Disconnected]: 'Disconnected',
};

/** The connection's health as a whole. */
export const HEALTH_LEVEL_LABELS: Readonly<Record<HealthCheckLevel, string>> = {
  ok: 'Healthy',
  warning: 'Needs attention',
  error: 'Action required',
};

/** How a form's last reconciliation sweep went. */
export const RECONCILE_OUTCOME_LABELS: Readonly<Record<LeadFormReconcileOutcome, string>> = {
  ok: 'Reconciled',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** Meta's lead form statuses. */
export const FORM_STATUS_LABELS: Readonly<Record<string, string>> = {
  ACTIVE: 'Active',
  ARCHIVED: 'Archived',
  DELETED: 'Deleted',
  DRAFT: 'Draft',
};

/** Meta's question types whose words are not obvious from the key. */
export const QUESTION_TYPE_LABELS: Readonly<Record<string, string>> = {
  DOB: 'Date of birth',
  ZIP: 'ZIP code',
  POST_CODE: 'Post code',
  PHONE: 'Phone number',
};

/** Meta's `account_status` codes, as the Marketing API documents them. */
export const AD_ACCOUNT_STATUS_LABELS: Readonly<Record<number, string>> = {
  1: 'Active',
  2: 'Disabled',
  3: 'Unsettled',
  7: 'Pending risk review',
  8: 'Pending settlement',
  9: 'In grace period',
  100: 'Pending closure',
  101: 'Closed',
  201: 'Any active',
  202: 'Any closed',
};

/** The kind of token the connection holds (debug_token's type). */
export const TOKEN_TYPE_LABELS: Readonly<Record<MetaTokenType, string>> = {
  USER: 'User access token',
  SYSTEM_USER: 'System user token (business integration)',
};
