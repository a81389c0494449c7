import { CapiEventDto, LeadStatus, LeadStatusChangeDto } from '@legeai/contracts';

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

describe('leadTimeline with the lead’s stages sent to Meta', () => {
  const event = (over: Partial<CapiEventDto>): CapiEventDto => ({
    id: 'e',
    leadId: 'l-1',
    metaLeadId: '1140000001156174',
    status: LeadStatus.Qualified,
    eventName: 'Qualified Lead',
    eventId: '1140000001156174:qualified',
    state: 'accepted',
    changedAt: '2026-11-21T10:00:00.000Z',
    eventTime: '2026-11-21T10:00:00.000Z',
    attempts: 1,
    sentAt: '2026-11-21T10:00:01.000Z',
    acceptedAt: '2026-11-21T10:00:01.000Z',
    lastError: null,
    answer: { eventsReceived: 1, messages: [], fbtraceId: 'x', error: null },
    testEventCode: null,
    ...over,
  });

  it('places each event after the change that made it, worded by what Meta answered', () => {
    const lead = aLeadDetail({
      receivedAt: '2026-11-20T10:00:00.000Z',
      createdAt: '2026-11-20T10:00:00.000Z',
      status: LeadStatus.Quoted,
      statusHistory: [
        change({ at: '2026-11-21T10:00:00.000Z', from: LeadStatus.New, to: LeadStatus.Qualified }),
        change({ at: '2026-11-22T10:00:00.000Z', from: LeadStatus.Qualified, to: LeadStatus.Quoted }),
      ],
    });
    const entries = leadTimeline(lead, { locale: 'en-US' }, [
      event({}),
      event({
        id: 'f',
        status: LeadStatus.Quoted,
        eventName: 'Quoted',
        state: 'failed',
        changedAt: '2026-11-22T10:00:00.000Z',
        sentAt: '2026-11-22T10:00:02.000Z',
        acceptedAt: null,
        lastError: 'Invalid parameter',
      }),
    ]);
    expect(entries.map((e) => [e.label, e.detail])).toEqual([
      ['Received', null],
      ['Moved to Qualified', null],
      ['“Qualified Lead” accepted by Meta', null],
      ['Moved to Quoted', null],
      ['“Quoted” not accepted by Meta', 'Meta said: Invalid parameter'],
    ]);
  });

  it('says when an event waits, is retried, or was too old to send', () => {
    const labels = (over: Partial<CapiEventDto>) => leadTimeline(aLeadDetail({ statusHistory: [] }), {}, [event(over)]).at(-1)?.label;
    expect(labels({ state: 'pending', attempts: 0, sentAt: null, acceptedAt: null })).toBe('“Qualified Lead” being sent to Meta');
    expect(labels({ state: 'pending', attempts: 2, acceptedAt: null })).toBe('“Qualified Lead” sent to Meta, trying again');
    expect(labels({ state: 'expired', attempts: 0, sentAt: null, acceptedAt: null })).toBe('“Qualified Lead” not sent to Meta');
  });
});
