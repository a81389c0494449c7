import { LeadStatus } from '@legeai/contracts';
import type { LeadLifecycleChange } from '../../leads';
import { leadWebhookEvent } from './lead-webhook-events';

describe('leadWebhookEvent', () => {
  const at = new Date('2026-12-05T12:00:00Z');
  const base: LeadLifecycleChange = { organisationId: 'o1', leadId: 'l1', from: null, to: LeadStatus.New, at, kind: 'created' };

  it('maps each kind of lead change to its event type and data', () => {
    expect(leadWebhookEvent(base)).toEqual({ organisationId: 'o1', leadId: 'l1', at, type: 'lead.created', extra: {} });
    expect(leadWebhookEvent({ ...base, kind: 'status', from: LeadStatus.New, to: LeadStatus.Contacted })).toMatchObject({
      type: 'lead.status_changed',
      extra: { previousStatus: 'new', change: 'status' },
    });
    expect(leadWebhookEvent({ ...base, kind: 'reopen', from: LeadStatus.Lost, to: LeadStatus.Quoted })).toMatchObject({
      type: 'lead.status_changed',
      extra: { previousStatus: 'lost', change: 'reopen' },
    });
    expect(leadWebhookEvent({ ...base, kind: 'updated', fields: ['premium'] })).toMatchObject({
      type: 'lead.updated',
      extra: { changedFields: ['premium'] },
    });
    expect(leadWebhookEvent({ ...base, kind: 'duplicate', duplicateOfId: 'l0' })).toMatchObject({
      type: 'lead.duplicate_detected',
      extra: { duplicateOfId: 'l0' },
    });
  });

  it('ignores kinds it does not know, and a duplicate without the lead it duplicates', () => {
    expect(leadWebhookEvent({ ...base, kind: 'merged' as never })).toBeNull();
    expect(leadWebhookEvent({ ...base, kind: 'duplicate' })).toBeNull();
  });
});
