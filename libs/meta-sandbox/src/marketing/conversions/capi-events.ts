import type { GraphContext } from '../../core/graph-context';
import type { World } from '../../world/world';
import type { DatasetRecord, ReceivedEvent } from './dataset-state';
import { GraphError } from '../../core/graph-error';
import { errorForCode } from '../../core/error-catalog';
import { optionalString, parseJson, requiredParam } from '../marketing-params';
import { conversions } from './dataset-state';
import { checkEvent } from './event-checks';
import { quoteLongIntegers } from '../../http/json-body';

/**
 * `POST /{dataset-id}/events` (https://developers.facebook.com/docs/marketing-api/conversions-api/using-the-api):
 * up to 1,000 events in `data`; one invalid event rejects the whole request, nothing of it is kept. Accepted events
 * are recorded per dataset, live and test (`test_event_code`) apart, and deduplicated on `event_id` + `event_name`
 * within 48 hours (https://developers.facebook.com/docs/marketing-api/conversions-api/deduplicate-pixel-and-server-events):
 * a duplicate still counts in `events_received`, Meta drops it later.
 */

export const MAX_EVENTS = 1000;
export const DEDUP_WINDOW_MS = 48 * 3_600_000;

/** A send failure planted by the control surface for this dataset, if one fires now. */
function plantedFailure(world: World, datasetId: string): GraphError | undefined {
  const state = conversions(world);
  for (const rule of state.failures) {
    if (rule.datasetId && rule.datasetId !== datasetId) continue;
    if (rule.times !== undefined && rule.fired >= rule.times) continue;
    if (!world.rng.stream('marketing.conversions.failures').chance(rule.rate)) continue;
    rule.fired++;
    return errorForCode(rule.code, rule.subcode);
  }
  return undefined;
}

function parseEvents(ctx: GraphContext): unknown[] {
  const raw = optionalString(ctx, 'data');
  if (raw === undefined) throw requiredParam('data');
  // Lead ids are 15–17 digits: sent as JSON numbers they may exceed 2^53, so long integers are read as strings.
  const data = parseJson(quoteLongIntegers(raw), 'data');
  if (!Array.isArray(data) || data.length === 0)
    throw new GraphError({ code: 100, message: '(#100) Param data must be a non-empty array of events' });
  if (data.length > MAX_EVENTS)
    throw new GraphError({ code: 100, message: `(#100) Param data holds ${data.length} events; a request can hold at most ${MAX_EVENTS}` });
  return data;
}

function deduplicate(world: World, entry: ReceivedEvent): void {
  const eventId = entry.event['event_id'];
  if (eventId === undefined || eventId === '') return;
  const dedup = conversions(world).dedup;
  const key = `${entry.datasetId}|${entry.testEventCode ?? ''}|${String(entry.event['event_name'])}|${String(eventId)}`;
  const first = dedup.get(key);
  if (first && entry.receivedAt - first.at <= DEDUP_WINDOW_MS) {
    entry.deduplicated = true;
    entry.duplicateOfSeq = first.seq;
    return;
  }
  dedup.set(key, { at: entry.receivedAt, seq: entry.seq });
}

export function receiveEvents(ctx: GraphContext, dataset: DatasetRecord) {
  const failure = plantedFailure(ctx.world, dataset.id);
  if (failure) throw failure;
  const data = parseEvents(ctx);
  const nowMs = ctx.runtime.clock.now();
  const nowS = Math.floor(nowMs / 1000);
  const events = data.map((event, index) => checkEvent(event, index, nowS));
  const fbtraceId = ctx.responseHeaders['x-fb-request-id'] ?? '';
  const testEventCode = optionalString(ctx, 'test_event_code');
  const partnerAgent = optionalString(ctx, 'partner_agent');
  const state = conversions(ctx.world);
  const log = testEventCode ? state.testEvents : state.events;
  for (const event of events) {
    const leadId = (event['user_data'] as Record<string, unknown>)['lead_id'];
    const lead = leadId === undefined ? undefined : ctx.world.leads.get(String(leadId));
    const entry: ReceivedEvent = {
      seq: ++state.nextSeq,
      datasetId: dataset.id,
      receivedAt: nowMs,
      fbtraceId,
      testEventCode,
      partnerAgent,
      event,
      matchedLeadId: lead?.id,
    };
    if (lead && Number(event['event_time']) * 1000 < lead.createdTime - 1000) entry.discarded = 'event_time is before the lead was created';
    deduplicate(ctx.world, entry);
    log.push(entry);
  }
  if (!testEventCode) dataset.lastFiredAt = nowMs;
  return { events_received: events.length, messages: [], fbtrace_id: fbtraceId };
}
