import type { GraphContext } from '../../core/graph-context';
import type { DatasetRecord, ReceivedEvent } from './dataset-state';
import { GraphError } from '../../core/graph-error';
import { isObject, optionalString, parseJson, requiredParam } from '../marketing-params';
import { conversions } from './dataset-state';

const ACTION_SOURCES = ['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'];
const MAX_EVENTS = 1000;
const MAX_AGE_S = 7 * 86_400;
const MATCH_KEYS = ['lead_id', 'em', 'ph', 'external_id', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'client_ip_address', 'client_user_agent', 'fbc', 'fbp', 'madid', 'anon_id'];
const SHA256 = /^[a-f0-9]{64}$/;

/** CAPI refusals: code 100 with a user title and message naming the event (wording ours; notes §10). */
function eventError(index: number, title: string, detail: string): GraphError {
  return new GraphError({
    code: 100,
    message: 'Invalid parameter',
    isTransient: false,
    userTitle: title,
    userMessage: `data[${index}]: ${detail}`,
  });
}

function checkEvent(raw: unknown, index: number, now: number): Record<string, unknown> {
  if (!isObject(raw)) throw eventError(index, 'Invalid event', 'each event must be a JSON object');
  if (typeof raw['event_name'] !== 'string' || raw['event_name'].trim() === '') throw eventError(index, 'Missing event name', 'event_name is required');
  const time = Number(raw['event_time']);
  if (raw['event_time'] === undefined || !Number.isInteger(time)) throw eventError(index, 'Invalid event time', 'event_time must be a unix timestamp in seconds');
  if (time < now - MAX_AGE_S) {
    throw eventError(index, 'Event Timestamp Too Old', 'The timestamp for this event is more than 7 days in the past. Send events within 7 days of when they occurred.');
  }
  if (time > now + 60) throw eventError(index, 'Event Timestamp In The Future', 'event_time cannot be in the future.');
  const source = raw['action_source'];
  if (typeof source !== 'string' || !ACTION_SOURCES.includes(source)) {
    throw eventError(index, 'Invalid action source', `action_source must be one of: ${ACTION_SOURCES.join(', ')}`);
  }
  const user = raw['user_data'];
  if (!isObject(user) || !MATCH_KEYS.some((key) => user[key] !== undefined && user[key] !== '')) {
    throw eventError(index, 'Missing customer information', 'user_data needs at least one customer information parameter (lead_id, em, ph, …)');
  }
  if (user['lead_id'] !== undefined && !/^\d{15,17}$/.test(String(user['lead_id']))) {
    throw eventError(index, 'Invalid lead ID', 'user_data.lead_id must be the 15 to 17 digit id of a Meta lead');
  }
  for (const key of ['em', 'ph']) {
    const values = user[key] === undefined ? [] : Array.isArray(user[key]) ? (user[key] as unknown[]) : [user[key]];
    if (values.some((value) => typeof value !== 'string' || !SHA256.test(value))) {
      throw eventError(index, 'Unhashed customer information', `user_data.${key} must be SHA-256 hashes of normalized values`);
    }
  }
  const custom = raw['custom_data'];
  if (source === 'system_generated' && user['lead_id'] !== undefined) {
    // Conversion leads (CRM) events name the CRM they come from.
    if (!isObject(custom) || typeof custom['lead_event_source'] !== 'string' || custom['lead_event_source'] === '') {
      throw eventError(index, 'Missing lead event source', 'CRM events need custom_data.lead_event_source naming the CRM');
    }
  }
  return raw;
}

/** `POST /{dataset-id}/events` (notes §10): all events are valid or none is accepted. */
export function receiveEvents(ctx: GraphContext, dataset: DatasetRecord) {
  const raw = optionalString(ctx, 'data');
  if (raw === undefined) throw requiredParam('data');
  const data = parseJson(raw, 'data');
  if (!Array.isArray(data) || data.length === 0) throw new GraphError({ code: 100, message: '(#100) Param data must be a non-empty array of events' });
  if (data.length > MAX_EVENTS) throw new GraphError({ code: 100, message: `(#100) Param data can hold at most ${MAX_EVENTS} events` });
  const now = ctx.now();
  const events = data.map((event, index) => checkEvent(event, index, now));
  const fbtraceId = ctx.responseHeaders['x-fb-request-id'] ?? '';
  const testEventCode = optionalString(ctx, 'test_event_code');
  const received = conversions(ctx.world).events;
  for (const event of events) {
    const leadId = (event['user_data'] as Record<string, unknown>)['lead_id'];
    const lead = leadId === undefined ? undefined : ctx.world.leads.get(String(leadId));
    const entry: ReceivedEvent = { datasetId: dataset.id, receivedAt: ctx.runtime.clock.now(), fbtraceId, testEventCode, event, matchedLeadId: lead?.id };
    if (lead && Number(event['event_time']) * 1000 < lead.createdTime - 1000) entry.discarded = 'event_time is before the lead was created';
    received.push(entry);
  }
  return { events_received: events.length, messages: [], fbtrace_id: fbtraceId };
}
