import {
  AD_CALL_TO_ACTION_LABELS,
  AD_EFFECTIVE_STATUS_LABELS,
  AD_OBJECTIVE_LABELS,
  AD_OPTIMIZATION_GOAL_LABELS,
  AD_PROBLEM_KIND_LABELS,
  AD_STATUS_LABELS,
  AD_SYNC_STATE_LABELS,
  BID_STRATEGY_LABELS,
  GENDER_LABELS,
  SPECIAL_AD_CATEGORY_LABELS,
} from './ads-labels';
import { ALERT_EVENT_TYPE_LABELS, MAIL_STATE_LABELS, NEW_LEAD_FREQUENCY_LABELS, NOTIFICATION_KIND_LABELS } from './alert-labels';
import { AUDIT_ACTION_LABELS, AUDIT_CATEGORY_LABELS, AUDIT_KIND_LABELS } from './audit-labels';
import { humanizeKey } from './humanize';
import { DUPLICATE_RULE_LABELS, LEAD_FIELD_LABELS, LEAD_STATUS_LABELS } from './lead-labels';
import {
  FORM_STATUS_LABELS,
  HEALTH_LEVEL_LABELS,
  INTEGRATION_STATUS_LABELS,
  QUESTION_TYPE_LABELS,
  RECONCILE_OUTCOME_LABELS,
  TOKEN_TYPE_LABELS,
} from './meta-labels';
import {
  CAPI_EVENT_STATE_LABELS,
  DELIVERY_STATUS_LABELS,
  IGNORE_REASON_LABELS,
  LEAD_SYNC_STATE_LABELS,
  QUEUE_JOB_STATE_LABELS,
  QUEUE_LABELS,
  SYNC_ERROR_HINT_LABELS,
  SYNC_ERROR_KIND_LABELS,
} from './pipeline-labels';
import { ORGANISATION_STATE_LABELS, ROLE_LABELS } from './role-labels';
import { WEBHOOK_DELIVERY_STATE_LABELS, WEBHOOK_EVENT_TYPE_LABELS } from './webhook-labels';

/**
 * The console's one registry of machine values (enum values, error kinds, inbox reasons, field keys) and the words
 * people read instead. Templates use the `label` pipe with one of these kinds; code uses `label()`.
 */
const LABELS = {
  role: ROLE_LABELS,
  organisationState: ORGANISATION_STATE_LABELS,
  leadStatus: LEAD_STATUS_LABELS,
  leadField: LEAD_FIELD_LABELS,
  duplicateRule: DUPLICATE_RULE_LABELS,
  leadSyncState: LEAD_SYNC_STATE_LABELS,
  syncErrorKind: SYNC_ERROR_KIND_LABELS,
  /** What to do about a sync error of this kind (a fix-it hint, not a name). */
  syncErrorHint: SYNC_ERROR_HINT_LABELS,
  deliveryStatus: DELIVERY_STATUS_LABELS,
  ignoreReason: IGNORE_REASON_LABELS,
  queue: QUEUE_LABELS,
  queueJobState: QUEUE_JOB_STATE_LABELS,
  capiEventState: CAPI_EVENT_STATE_LABELS,
  integrationStatus: INTEGRATION_STATUS_LABELS,
  healthLevel: HEALTH_LEVEL_LABELS,
  metaTokenType: TOKEN_TYPE_LABELS,
  formStatus: FORM_STATUS_LABELS,
  reconcileOutcome: RECONCILE_OUTCOME_LABELS,
  questionType: QUESTION_TYPE_LABELS,
  auditAction: AUDIT_ACTION_LABELS,
  auditKind: AUDIT_KIND_LABELS,
  auditCategory: AUDIT_CATEGORY_LABELS,
  adStatus: AD_STATUS_LABELS,
  adEffectiveStatus: AD_EFFECTIVE_STATUS_LABELS,
  adObjective: AD_OBJECTIVE_LABELS,
  adOptimizationGoal: AD_OPTIMIZATION_GOAL_LABELS,
  adCallToAction: AD_CALL_TO_ACTION_LABELS,
  specialAdCategory: SPECIAL_AD_CATEGORY_LABELS,
  bidStrategy: BID_STRATEGY_LABELS,
  adSyncState: AD_SYNC_STATE_LABELS,
  adProblemKind: AD_PROBLEM_KIND_LABELS,
  gender: GENDER_LABELS,
  webhookEventType: WEBHOOK_EVENT_TYPE_LABELS,
  webhookDeliveryState: WEBHOOK_DELIVERY_STATE_LABELS,
  alertEventType: ALERT_EVENT_TYPE_LABELS,
  notificationKind: NOTIFICATION_KIND_LABELS,
  newLeadFrequency: NEW_LEAD_FREQUENCY_LABELS,
  mailState: MAIL_STATE_LABELS,
} satisfies Record<string, Readonly<Record<string, string>>>;

export type LabelKind = keyof typeof LABELS;

/**
 * The words for `value` of `kind`; a value the map does not know yet (a new server enum value) is turned into words
 * from its key instead of being shown raw. Empty for null.
 */
export function label(kind: LabelKind, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  return (LABELS[kind] as Readonly<Record<string, string>>)[value] ?? humanizeKey(value);
}
