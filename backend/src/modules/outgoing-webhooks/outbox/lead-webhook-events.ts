import type { LeadLifecycleChange } from '../../leads';
import type { LeadEventInput } from './webhook-outbox.repository';

/**
 * The webhook event a lead change makes, with what its `data` adds to the lead's snapshot; null for a kind this
 * module does not know (the lead store may tell more kinds than there are events).
 */
export function leadWebhookEvent(change: LeadLifecycleChange): LeadEventInput | null {
  const base = { organisationId: change.organisationId, leadId: change.leadId, at: change.at };
  switch (change.kind) {
    case 'created':
      return { ...base, type: 'lead.created', extra: {} };
    case 'status':
    case 'reopen':
      return { ...base, type: 'lead.status_changed', extra: { previousStatus: change.from, change: change.kind } };
    case 'updated':
      return { ...base, type: 'lead.updated', extra: { changedFields: change.fields ?? [] } };
    case 'duplicate':
      return change.duplicateOfId ? { ...base, type: 'lead.duplicate_detected', extra: { duplicateOfId: change.duplicateOfId } } : null;
    default:
      return null;
  }
}
