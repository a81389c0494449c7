import { createHash } from 'node:crypto';
import { buildCrmEvent, capiEventId, serialiseEvents } from './capi-event-builder';
import { hashedEmail, hashedPhone, normaliseEmail, normalisePhone } from './capi-hashing';

const sha = (v: string) => createHash('sha256').update(v).digest('hex');
const LEAD_ID = '98765432101234567'; // 17 digits: past Number.MAX_SAFE_INTEGER

const facts = {
  eventName: 'Qualified Lead',
  eventId: capiEventId(LEAD_ID, 'qualified'),
  eventTime: new Date('2025-11-29T10:00:00.250Z'),
  metaLeadId: LEAD_ID,
  email: '  Jane.Doe@Example.COM ',
  phoneE164: '+1 (555) 123-4567',
  leadEventSource: 'LEGEAI',
};

describe('hashing of customer information', () => {
  it('normalises an email (trimmed, lower-cased) and a phone (E.164 digits only) before hashing', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalisePhone('+1 (555) 123-4567')).toBe('15551234567');
    expect(hashedEmail(' Jane.Doe@Example.COM')).toBe(sha('jane.doe@example.com'));
    expect(hashedPhone('+15551234567')).toBe(sha('15551234567'));
  });

  it('hashes nothing that is not an email or a phone number', () => {
    expect(hashedEmail('not an email')).toBeNull();
    expect(hashedEmail(null)).toBeNull();
    expect(hashedPhone('123')).toBeNull();
    expect(hashedPhone(undefined)).toBeNull();
  });
});

describe('buildCrmEvent', () => {
  it('carries what Meta requires of a CRM event, with hashed email and phone and the lead id as it is', () => {
    const event = buildCrmEvent(facts);
    expect(event).toEqual({
      event_name: 'Qualified Lead',
      event_time: Math.ceil(Date.parse('2025-11-29T10:00:00.250Z') / 1000),
      event_id: `${LEAD_ID}:qualified`,
      action_source: 'system_generated',
      user_data: { lead_id: LEAD_ID, em: [sha('jane.doe@example.com')], ph: [sha('15551234567')] },
      custom_data: { event_source: 'crm', lead_event_source: 'LEGEAI' },
    });
  });

  it('leaves out email and phone when the lead has none', () => {
    const event = buildCrmEvent({ ...facts, email: null, phoneE164: null });
    expect(event.user_data).toEqual({ lead_id: LEAD_ID });
  });

  it('rounds event_time up, so an event in the lead’s first second is never before the lead', () => {
    expect(buildCrmEvent({ ...facts, eventTime: new Date(1_764_410_000_001) }).event_time).toBe(1_764_410_001);
    expect(buildCrmEvent({ ...facts, eventTime: new Date(1_764_410_000_000) }).event_time).toBe(1_764_410_000);
  });
});

describe('serialiseEvents', () => {
  it('writes each lead id as a JSON number with all its digits, never hashed nor rounded', () => {
    const data = serialiseEvents([buildCrmEvent(facts), buildCrmEvent({ ...facts, metaLeadId: '123456789012345' })]);
    expect(data).toContain(`"lead_id":${LEAD_ID},`);
    expect(data).toContain(`"lead_id":123456789012345,`);
    expect(data).not.toContain(`"lead_id":"`);
    // Parsed as numbers, a 17-digit id would lose its last digits: the text carries them.
    expect(Number(LEAD_ID).toString()).not.toBe(LEAD_ID);
    expect(JSON.parse(data.replace(/"lead_id":(\d+)/g, '"lead_id":"$1"'))[0].user_data.lead_id).toBe(LEAD_ID);
  });

  it('refuses a lead id that is not digits rather than send broken JSON', () => {
    expect(() => serialiseEvents([buildCrmEvent({ ...facts, metaLeadId: '12,3' })])).toThrow(/Not a Meta lead id/);
  });
});
