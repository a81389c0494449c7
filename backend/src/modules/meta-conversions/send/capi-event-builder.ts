import { hashedEmail, hashedPhone } from './capi-hashing';

/**
 * One CRM event as Meta's Conversions API for CRM documents it
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/):
 * `action_source` `system_generated`, `user_data.lead_id` the Meta lead id unhashed (a number), email and phone
 * normalised and hashed, `custom_data.event_source` `crm` with the CRM's name, and a stable `event_id` Meta
 * deduplicates on with `event_name` (https://developers.facebook.com/docs/marketing-api/conversions-api/).
 */
export interface CapiEventFacts {
  eventName: string;
  eventId: string;
  /** The change's time, already clamped to the lead's creation at Meta. */
  eventTime: Date;
  metaLeadId: string;
  email: string | null;
  phoneE164: string | null;
  leadEventSource: string;
}

export interface CrmEvent {
  event_name: string;
  event_time: number;
  event_id: string;
  action_source: 'system_generated';
  user_data: { lead_id: string; em?: string[]; ph?: string[] };
  custom_data: { event_source: 'crm'; lead_event_source: string };
}

/** The stable id of a lead's stage: one event per Meta lead and status, whatever the retries or reopens. */
export const capiEventId = (metaLeadId: string, status: string): string => `${metaLeadId}:${status}`;

export function buildCrmEvent(facts: CapiEventFacts): CrmEvent {
  const em = hashedEmail(facts.email);
  const ph = hashedPhone(facts.phoneE164);
  return {
    event_name: facts.eventName,
    // Unix seconds, rounded up: a change in the lead's first second must not read as before the lead.
    event_time: Math.ceil(facts.eventTime.getTime() / 1000),
    event_id: facts.eventId,
    action_source: 'system_generated',
    user_data: { lead_id: facts.metaLeadId, ...(em && { em: [em] }), ...(ph && { ph: [ph] }) },
    custom_data: { event_source: 'crm', lead_event_source: facts.leadEventSource },
  };
}

/**
 * The request's `data`: JSON with each `lead_id` written as a JSON number, as Meta documents it. Lead ids run to 17
 * digits, past what a JavaScript number holds exactly, so the digits are written as they are instead of going
 * through a number.
 */
export function serialiseEvents(events: readonly CrmEvent[]): string {
  return `[${events
    .map((event) => {
      if (!/^\d{1,20}$/.test(event.user_data.lead_id)) throw new Error(`Not a Meta lead id: ${event.user_data.lead_id}`);
      return JSON.stringify(event).replace(`"lead_id":"${event.user_data.lead_id}"`, `"lead_id":${event.user_data.lead_id}`);
    })
    .join(',')}]`;
}
