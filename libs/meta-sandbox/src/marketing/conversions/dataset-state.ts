import type { World } from '../../world/world';

/** A dataset (pixel) that receives Conversions API events. */
export interface DatasetRecord {
  id: string;
  name: string;
  businessId: string;
  adAccountIds: string[];
  /** The ad account it was created from (`POST /act_{id}/adspixels`), if any. */
  ownerAdAccountId?: string;
  createdTime: number;
  /** When the last live (not test) event arrived: `last_fired_time`. */
  lastFiredAt?: number;
}

/** One event as received, kept so tests and demos can see what a CRM sent (`GET /__sandbox/capi/events`). */
export interface ReceivedEvent {
  seq: number;
  datasetId: string;
  receivedAt: number;
  fbtraceId: string;
  testEventCode?: string;
  partnerAgent?: string;
  event: Record<string, unknown>;
  /** The lead the event matched by `user_data.lead_id`, when the sandbox knows it. */
  matchedLeadId?: string;
  /** Why Meta would drop the event although it was accepted (CRM events dated before the lead). */
  discarded?: string;
  /** Same `event_id` and `event_name` as an earlier event of the dataset within the deduplication window. */
  deduplicated?: boolean;
  duplicateOfSeq?: number;
}

/** A send failure asked for through the control surface (`POST /__sandbox/capi/failures`). */
export interface SendFailure {
  code: number;
  subcode?: number;
  rate: number;
  /** Fails at most this many sends; every matching send when absent. */
  times?: number;
  datasetId?: string;
  fired: number;
}

interface ConversionsState {
  datasets: Map<string, DatasetRecord>;
  /** Live events, in the order received. */
  events: ReceivedEvent[];
  /** Events sent with `test_event_code`: Events Manager's "Test events" view, never attributed nor deduplicated against live ones. */
  testEvents: ReceivedEvent[];
  /** `dataset|test code|event_name|event_id` → the first event with that key. */
  dedup: Map<string, { at: number; seq: number }>;
  failures: SendFailure[];
  nextSeq: number;
  nextId: bigint;
}

export const conversions = (world: World): ConversionsState =>
  world.ext<ConversionsState>('marketing.conversions', () => ({
    datasets: new Map(),
    events: [],
    testEvents: [],
    dedup: new Map(),
    failures: [],
    nextSeq: 0,
    nextId: 0n,
  }));

export function addDataset(world: World, dataset: DatasetRecord): void {
  conversions(world).datasets.set(dataset.id, dataset);
  world.register(dataset.id, 'AdsPixel');
}

export function nextDatasetId(world: World): string {
  const state = conversions(world);
  state.nextId += 1n;
  return String(1_530_780_000_000_000n + state.nextId * 7919n);
}
