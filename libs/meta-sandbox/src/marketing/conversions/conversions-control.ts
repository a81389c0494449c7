import type { SandboxRuntime } from '../../core/sandbox-runtime';
import type { ReceivedEvent } from './dataset-state';
import { ControlError } from '../../control/control-error';
import { graphTime } from '../../core/clock';
import { conversions } from './dataset-state';

export interface SendFailureRequest {
  code: number;
  subcode?: number;
  /** Share of sends that fail, 0..1 (default 1). */
  rate?: number;
  /** At most this many sends fail; every matching one when absent. */
  times?: number;
  datasetId?: string;
}

export interface EventQuery {
  datasetId?: string;
  /** Test events (sent with `test_event_code`) instead of live ones. */
  test?: boolean;
  testEventCode?: string;
  eventName?: string;
  /** Only events received after this sequence number. */
  since?: number;
  /** The last `limit` matching events. */
  limit?: number;
}

export interface EventView {
  seq: number;
  datasetId: string;
  receivedAt: string;
  fbtraceId: string;
  testEventCode?: string;
  partnerAgent?: string;
  matchedLeadId?: string;
  discarded?: string;
  deduplicated: boolean;
  duplicateOfSeq?: number;
  event: Record<string, unknown>;
}

export interface DatasetSummary {
  id: string;
  name: string;
  businessId: string;
  adAccountIds: string[];
  received: number;
  deduplicated: number;
  discarded: number;
  testEvents: number;
  lastFiredTime?: string;
}

const view = (entry: ReceivedEvent): EventView => ({
  seq: entry.seq,
  datasetId: entry.datasetId,
  receivedAt: graphTime(entry.receivedAt),
  fbtraceId: entry.fbtraceId,
  testEventCode: entry.testEventCode,
  partnerAgent: entry.partnerAgent,
  matchedLeadId: entry.matchedLeadId,
  discarded: entry.discarded,
  deduplicated: entry.deduplicated ?? false,
  duplicateOfSeq: entry.duplicateOfSeq,
  event: entry.event,
});

/**
 * What tests, demos and benchmarks see of and do to the Conversions API: failing sends, the events each dataset
 * received (live and "Test events"), with their deduplication. In process as `sandbox.control.conversions`, over
 * HTTP under `/__sandbox/capi`.
 */
export class ConversionsControl {
  constructor(private readonly runtime: SandboxRuntime) {}

  private get state() {
    return conversions(this.runtime.world);
  }

  private checkDataset(datasetId: string | undefined): void {
    if (datasetId !== undefined && !this.state.datasets.has(datasetId)) throw new ControlError(`No dataset has id ${datasetId}`);
  }

  /** Sends to `/{dataset}/events` fail with this error code (rate, times, one dataset or all). */
  failSends(request: SendFailureRequest): void {
    if (!Number.isInteger(request.code)) throw new ControlError('code must be an integer');
    if (request.subcode !== undefined && !Number.isInteger(request.subcode)) throw new ControlError('subcode must be an integer');
    const rate = request.rate ?? 1;
    if (!(rate >= 0 && rate <= 1)) throw new ControlError('rate must be between 0 and 1');
    if (request.times !== undefined && !(Number.isInteger(request.times) && request.times >= 0))
      throw new ControlError('times must be a non-negative integer');
    this.checkDataset(request.datasetId);
    this.state.failures.push({
      code: request.code,
      subcode: request.subcode,
      rate,
      times: request.times,
      datasetId: request.datasetId,
      fired: 0,
    });
  }

  failures(): (SendFailureRequest & { fired: number })[] {
    return this.state.failures.map((rule) => ({ ...rule }));
  }

  clearFailures(): void {
    this.state.failures = [];
  }

  events(query: EventQuery = {}): EventView[] {
    this.checkDataset(query.datasetId);
    const source = query.test || query.testEventCode ? this.state.testEvents : this.state.events;
    const matching = source.filter(
      (entry) =>
        (!query.datasetId || entry.datasetId === query.datasetId) &&
        (!query.testEventCode || entry.testEventCode === query.testEventCode) &&
        (!query.eventName || entry.event['event_name'] === query.eventName) &&
        (query.since === undefined || entry.seq > query.since),
    );
    return (query.limit ? matching.slice(-query.limit) : matching).map(view);
  }

  datasets(): DatasetSummary[] {
    const counts = new Map<string, { received: number; deduplicated: number; discarded: number; testEvents: number }>();
    const countOf = (id: string) => {
      let count = counts.get(id);
      if (!count) counts.set(id, (count = { received: 0, deduplicated: 0, discarded: 0, testEvents: 0 }));
      return count;
    };
    for (const entry of this.state.events) {
      const count = countOf(entry.datasetId);
      count.received++;
      if (entry.deduplicated) count.deduplicated++;
      if (entry.discarded) count.discarded++;
    }
    for (const entry of this.state.testEvents) countOf(entry.datasetId).testEvents++;
    return [...this.state.datasets.values()].map((dataset) => ({
      id: dataset.id,
      name: dataset.name,
      businessId: dataset.businessId,
      adAccountIds: [...dataset.adAccountIds],
      ...countOf(dataset.id),
      lastFiredTime: dataset.lastFiredAt === undefined ? undefined : graphTime(dataset.lastFiredAt),
    }));
  }

  /** Forgets received events (and their deduplication keys), of one dataset or all. */
  clear(datasetId?: string): void {
    this.checkDataset(datasetId);
    const state = this.state;
    const keep = (entry: ReceivedEvent) => datasetId !== undefined && entry.datasetId !== datasetId;
    state.events = state.events.filter(keep);
    state.testEvents = state.testEvents.filter(keep);
    for (const key of [...state.dedup.keys()]) if (datasetId === undefined || key.startsWith(`${datasetId}|`)) state.dedup.delete(key);
  }
}
