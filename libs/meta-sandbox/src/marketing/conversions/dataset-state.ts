import type { World } from '../../world/world';

/** A dataset (pixel) that receives Conversions API events. */
export interface DatasetRecord {
  id: string;
  name: string;
  businessId: string;
  adAccountIds: string[];
  createdTime: number;
}

/** One event as received, kept so tests and demos can see what a CRM sent (`GET /__sandbox/capi/events`). */
export interface ReceivedEvent {
  datasetId: string;
  receivedAt: number;
  fbtraceId: string;
  testEventCode?: string;
  event: Record<string, unknown>;
  /** The lead the event matched by `user_data.lead_id`, when the sandbox knows it. */
  matchedLeadId?: string;
  /** Why Meta would drop the event although it was accepted (CRM events dated before the lead). */
  discarded?: string;
}

interface ConversionsState {
  datasets: Map<string, DatasetRecord>;
  events: ReceivedEvent[];
}

export const conversions = (world: World): ConversionsState =>
  world.ext<ConversionsState>('marketing.conversions', () => ({ datasets: new Map(), events: [] }));
