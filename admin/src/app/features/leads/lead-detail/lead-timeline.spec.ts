import { LeadStatus, LeadStatusChangeDto } from '@legeai/contracts';

import { aLeadDetail } from '../../../../testing/lead-factories';
import { leadTimeline } from './lead-timeline';

const change = (over: Partial<LeadStatusChangeDto>): LeadStatusChangeDto => ({
  id: 'c',
  at: '2026-11-21T10:00:00.000Z',
  kind: 'status',
  from: LeadStatus.New,
  to: LeadStatus.Contacted,
  premiumValue: null,
  premiumCurrency: null,
  premiumUnknown: false,
  reason: null,
  actor: { type: 'user', id: 'u', name: 'Mia Manager' },
  ...over,
});

describe(leadTimeline.name, () => {
  it('lists every status change with who, the premium as money and the reason of a reopen', () => {
    const lead = aLeadDetail({
      status: LeadStatus.Qualified,
      createdAt: '2026-11-20T10:00:05.000Z',
      statusHistory: [
        change({ to: LeadStatus.Won, premiumValue: '1250.50', premiumCurrency: 'USD' }),
        change({
          kind: 'reopen',
          from: LeadStatus.Won,
          to: LeadStatus.New,
          reason: 'Cancelled',
          actor: { type: 'api_key', id: 'k', name: null },
        }),
        change({ from: LeadStatus.New, to: LeadStatus.Won, premiumUnknown: true }),
        change({ kind: 'premium', from: LeadStatus.Won, to: LeadStatus.Won, premiumValue: '99', premiumCurrency: 'EUR' }),
      ],
    });
    const entries = leadTimeline(lead, { locale: 'en-US' });
    expect(entries.map((e) => [e.label, e.detail, e.by])).toEqual([
      ['Received', null, null],
      ['Stored in LEGEAI', null, null],
      ['Moved to Won', 'Premium $1,250.50', 'Mia Manager'],
      ['Reopened from won to new', 'Reason: Cancelled', 'an API key'],
      ['Moved to Won', 'Premium not known yet', 'Mia Manager'],
      ['Premium corrected', 'Premium €99.00', 'Mia Manager'],
    ]);
  });

  it('falls back to the current status for a lead moved before its history was kept', () => {
    const entries = leadTimeline(aLeadDetail({ status: LeadStatus.Lost, statusChangedAt: '2026-11-22T00:00:00.000Z' }));
    expect(entries.at(-1)).toEqual({ label: 'Moved to Lost', at: '2026-11-22T00:00:00.000Z', detail: null, by: null });
  });
});
