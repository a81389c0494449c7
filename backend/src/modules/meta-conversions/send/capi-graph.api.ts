import { Injectable } from '@nestjs/common';
import { MetaGraphClient, type GraphCallContext, type GraphPage } from '../../../infra/meta-graph';

/** Meta's answer to `POST /{dataset_id}/events`. */
export interface GraphEventsAnswer {
  events_received?: number;
  messages?: unknown[];
  fbtrace_id?: string;
}

export interface GraphDataset {
  id: string;
  name?: string;
  creation_time?: string;
  last_fired_time?: string;
}

/** Meta's per-request maximum of events (https://developers.facebook.com/docs/marketing-api/conversions-api/). */
export const MAX_EVENTS_PER_REQUEST = 1000;

/**
 * Who a call is made for: the connection's user token. A throttled scope fails at once and a send is tried once per
 * job attempt: the job waits or retries on the queue's schedule (the shared sync policy), instead of the client
 * multiplying the tries.
 */
export function capiCallContext(accessToken: string): GraphCallContext {
  return { accessToken, onPaused: 'fail', maxAttempts: 1 };
}

/** The Conversions API calls, all through the one Graph client (appsecret_proof, pacing, tokens never in URLs). */
@Injectable()
export class CapiGraphApi {
  constructor(private readonly graph: MetaGraphClient) {}

  /**
   * `POST /{dataset_id}/events` (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/):
   * `data` already serialised. Repeating it after a lost answer sends the same event ids, which Meta deduplicates,
   * so the client may retry it.
   */
  sendEvents(datasetId: string, data: string, testEventCode: string | null, ctx: GraphCallContext): Promise<GraphEventsAnswer> {
    return this.graph.post<GraphEventsAnswer>(
      `${datasetId}/events`,
      { data, ...(testEventCode && { test_event_code: testEventCode }) },
      { ...ctx, idempotent: true },
    );
  }

  /** `GET /act_{id}/adspixels`: the ad account's datasets (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adspixels/). */
  async listDatasets(adAccountId: string, ctx: GraphCallContext): Promise<GraphDataset[]> {
    const page = await this.graph.get<GraphPage<GraphDataset>>(
      `${adAccountId}/adspixels`,
      { fields: 'id,name,creation_time,last_fired_time', limit: 100 },
      { ...ctx, adAccountId },
    );
    return page.data ?? [];
  }

  /** `POST /act_{id}/adspixels` `name=…`: not repeated after a timeout (it may have been created). */
  async createDataset(adAccountId: string, name: string, ctx: GraphCallContext): Promise<string> {
    const answer = await this.graph.post<{ id: string }>(`${adAccountId}/adspixels`, { name }, { ...ctx, adAccountId, idempotent: false });
    return answer.id;
  }
}
