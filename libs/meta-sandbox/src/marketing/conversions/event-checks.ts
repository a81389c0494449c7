import { GraphError } from '../../core/graph-error';
import { isObject } from '../marketing-params';

/**
 * Checks of one Conversions API event, as Meta documents them:
 * - server event parameters (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/server-event):
 *   `event_name`, `event_time` (unix seconds, at most 7 days old), `action_source`;
 * - customer information (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters):
 *   `em`, `ph`, names, … hashed (lowercase hex SHA-256), `lead_id` not hashed;
 * - CRM events for conversion leads (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/payload-specification):
 *   `action_source` `system_generated`, `custom_data.event_source` `crm`, `custom_data.lead_event_source` the CRM's
 *   name, `user_data.lead_id` the 15–17 digit Meta lead id.
 * Refusals are code 100 "Invalid parameter" with `error_user_title` and `error_user_msg`. The subcodes 2804003
 * (timestamp too old) and 2804050 (insufficient customer information) are the ones Meta answers; the others
 * carry no subcode, and their texts are the sandbox's.
 */

export const MAX_EVENT_AGE_S = 7 * 86_400;
/** How far ahead of Meta's clock an event_time may be (clock skew) before it counts as in the future. */
export const FUTURE_SKEW_S = 60;
export const SUBCODE_TOO_OLD = 2804003;
export const SUBCODE_NO_CUSTOMER_INFORMATION = 2804050;

export const ACTION_SOURCES = [
  'email',
  'website',
  'app',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other',
];
const MATCH_KEYS = [
  'lead_id',
  'em',
  'ph',
  'external_id',
  'fn',
  'ln',
  'db',
  'ge',
  'ct',
  'st',
  'zp',
  'country',
  'client_ip_address',
  'client_user_agent',
  'fbc',
  'fbp',
  'madid',
  'anon_id',
  'subscription_id',
  'fb_login_id',
];
/** Keys Meta requires hashed. */
const HASHED_KEYS = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country'];
const SHA256 = /^[a-f0-9]{64}$/;
const LEAD_ID = /^\d{15,17}$/;

export function eventError(index: number, title: string, detail: string, subcode?: number): GraphError {
  return new GraphError({
    code: 100,
    subcode,
    message: 'Invalid parameter',
    isTransient: false,
    userTitle: title,
    userMessage: `data[${index}]: ${detail}`,
  });
}

const valuesOf = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function checkHashed(user: Record<string, unknown>, index: number): void {
  for (const key of HASHED_KEYS) {
    for (const value of valuesOf(user[key])) {
      if (typeof value === 'string' && SHA256.test(value)) continue;
      if (typeof value === 'string' && /^[a-fA-F0-9]{64}$/.test(value)) {
        throw eventError(index, 'Invalid hashed customer information', `user_data.${key} must be a lowercase hexadecimal SHA-256 hash`);
      }
      const plain =
        typeof value === 'string' && (key === 'em' ? value.includes('@') : key === 'ph' ? /^[+\d\s().-]{6,}$/.test(value) : true);
      throw eventError(
        index,
        'Unhashed customer information',
        plain
          ? `user_data.${key} looks like plain text; send the SHA-256 hash of the normalized value (lowercase hex), never the value itself`
          : `user_data.${key} must be SHA-256 hashes of normalized values (lowercase hex)`,
      );
    }
  }
}

/** Identifiers that match a person on their own; the rest only in combination (Meta's baseline matching requirements). */
const STRONG_KEYS = ['lead_id', 'em', 'ph', 'external_id', 'fbc', 'fbp', 'madid', 'anon_id', 'subscription_id', 'fb_login_id'];
const present = (user: Record<string, unknown>, key: string): boolean =>
  user[key] !== undefined && user[key] !== null && user[key] !== '' && !(Array.isArray(user[key]) && (user[key] as unknown[]).length === 0);

/**
 * Enough to match the event to a person: one strong identifier, the client's IP address with its user agent, or a
 * name with a birth date or location. "Our systems are designed to not accept customer information that is unhashed
 * Contact Information"; since v13.0 a combination that is too broad (a country alone) is refused too.
 */
function enoughToMatch(user: Record<string, unknown>): boolean {
  if (STRONG_KEYS.some((key) => present(user, key))) return true;
  if (present(user, 'client_ip_address') && present(user, 'client_user_agent')) return true;
  return present(user, 'fn') && present(user, 'ln') && ['db', 'zp', 'ct'].some((key) => present(user, key));
}

function checkCustomer(raw: Record<string, unknown>, index: number): Record<string, unknown> {
  const user = raw['user_data'];
  if (!isObject(user) || !MATCH_KEYS.some((key) => present(user, key))) {
    throw eventError(
      index,
      'Insufficient customer information',
      'This event has no customer information parameters (lead_id, em, ph, …) to match it with.',
      SUBCODE_NO_CUSTOMER_INFORMATION,
    );
  }
  if (!enoughToMatch(user)) {
    throw eventError(
      index,
      'Insufficient customer information',
      'This event has a combination of customer information parameters too broad to match it with a person: add lead_id, em, ph or external_id.',
      SUBCODE_NO_CUSTOMER_INFORMATION,
    );
  }
  const leadId = user['lead_id'];
  if (leadId !== undefined) {
    const text =
      typeof leadId === 'number' ? (Number.isSafeInteger(leadId) ? String(leadId) : '') : typeof leadId === 'string' ? leadId : '';
    if (SHA256.test(text))
      throw eventError(index, 'Invalid lead ID', 'user_data.lead_id must not be hashed: send the lead id as Meta gave it');
    if (!LEAD_ID.test(text))
      throw eventError(index, 'Invalid lead ID', 'user_data.lead_id must be the 15 to 17 digit id of a Meta lead (leadgen_id)');
  }
  checkHashed(user, index);
  return user;
}

/** A CRM event for conversion leads: named so by `event_source`, or a system-generated event about a Meta lead. */
function checkCrm(raw: Record<string, unknown>, user: Record<string, unknown>, index: number): void {
  const custom = raw['custom_data'];
  const eventSource = isObject(custom) ? custom['event_source'] : undefined;
  const isCrm = eventSource === 'crm' || (raw['action_source'] === 'system_generated' && user['lead_id'] !== undefined);
  if (!isCrm) return;
  if (raw['action_source'] !== 'system_generated') {
    throw eventError(
      index,
      'Invalid action source',
      'CRM events (custom_data.event_source "crm") must have action_source "system_generated"',
    );
  }
  if (eventSource !== 'crm') throw eventError(index, 'Missing event source', 'CRM events need custom_data.event_source "crm"');
  const crm = (custom as Record<string, unknown>)['lead_event_source'];
  if (typeof crm !== 'string' || crm.trim() === '') {
    throw eventError(index, 'Missing lead event source', 'CRM events need custom_data.lead_event_source naming the CRM');
  }
}

/** Checks one event; throws the GraphError Meta would answer for the whole request. */
export function checkEvent(raw: unknown, index: number, nowS: number): Record<string, unknown> {
  if (!isObject(raw)) throw eventError(index, 'Invalid event', 'each event must be a JSON object');
  if (typeof raw['event_name'] !== 'string' || raw['event_name'].trim() === '')
    throw eventError(index, 'Missing event name', 'event_name is required');
  const time = typeof raw['event_time'] === 'string' && /^\d+$/.test(raw['event_time']) ? Number(raw['event_time']) : raw['event_time'];
  if (typeof time !== 'number' || !Number.isInteger(time))
    throw eventError(index, 'Invalid event time', 'event_time must be a unix timestamp in seconds');
  if (time < nowS - MAX_EVENT_AGE_S) {
    throw eventError(
      index,
      'Event Timestamp Too Old',
      'The timestamp for this event is more than 7 days in the past. Send events within 7 days of when they occurred.',
      SUBCODE_TOO_OLD,
    );
  }
  if (time > nowS + FUTURE_SKEW_S) throw eventError(index, 'Event Timestamp In The Future', 'event_time cannot be in the future.');
  const source = raw['action_source'];
  if (typeof source !== 'string' || !ACTION_SOURCES.includes(source)) {
    throw eventError(index, 'Invalid action source', `action_source must be one of: ${ACTION_SOURCES.join(', ')}`);
  }
  if (raw['event_id'] !== undefined && typeof raw['event_id'] !== 'string' && typeof raw['event_id'] !== 'number') {
    throw eventError(index, 'Invalid event ID', 'event_id must be a string');
  }
  if (raw['custom_data'] !== undefined && !isObject(raw['custom_data']))
    throw eventError(index, 'Invalid custom data', 'custom_data must be a JSON object');
  const user = checkCustomer(raw, index);
  checkCrm(raw, user, index);
  return raw;
}
