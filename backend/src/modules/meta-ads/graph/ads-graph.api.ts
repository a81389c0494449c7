import { Injectable } from '@nestjs/common';
import { MetaGraphClient, MetaGraphError, type GraphCallContext, type GraphPage, type GraphParams } from '../../../infra/meta-graph';
import { FIELDS_OF, type AdEdge } from './graph-ad-objects';

/**
 * Objects per page of an ad account edge. The Marketing API lists up to 500 objects per page of these edges, so an
 * account of 6,000 ads is 12 requests; a page Meta finds too heavy ("reduce the amount of data", code 1 subcode 99)
 * is asked again at half the size (https://developers.facebook.com/docs/graph-api/results).
 */
export const SYNC_PAGE_SIZE = 500;
const MIN_PAGE_SIZE = 25;

/** Counts the Graph requests one piece of work made (each page, each write, each read-back). */
export class RequestCounter {
  requests = 0;
}

/** Who a call is made for: the connection's user token, on the ad account's rate-limit scopes. */
export function adsCallContext(accessToken: string, adAccountId: string): GraphCallContext {
  // The ad account's usage (`x-ad-account-usage`) and its ads_management business use case
  // (`x-business-use-case-usage`, keyed by the account's numeric id) pace these calls; while either is paused the
  // client fails at once with the regain time instead of waiting (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
  return { accessToken, adAccountId, onPaused: 'fail' };
}

/**
 * The Marketing API calls of MetaAds, all through the one Graph client (appsecret_proof, timeouts, retries, pacing
 * on the usage headers, tokens never in URLs).
 */
@Injectable()
export class AdsGraphApi {
  constructor(private readonly graph: MetaGraphClient) {}

  /** Every page of `/act_{id}/{edge}`, with the edge's fields; deleted and archived objects are not listed. */
  async *listAll<T>(adAccountId: string, edge: AdEdge, ctx: GraphCallContext, counter: RequestCounter): AsyncGenerator<T[]> {
    let limit = SYNC_PAGE_SIZE;
    let after: string | undefined;
    for (;;) {
      const params: GraphParams = { fields: FIELDS_OF[edge], limit, ...(after ? { after } : {}) };
      let page: GraphPage<T>;
      try {
        counter.requests++;
        page = await this.graph.get<GraphPage<T>>(`${adAccountId}/${edge}`, params, ctx);
      } catch (error) {
        if (isTooMuchData(error) && limit > MIN_PAGE_SIZE) {
          limit = Math.max(MIN_PAGE_SIZE, Math.floor(limit / 2));
          continue;
        }
        throw error;
      }
      yield page.data ?? [];
      // Only a missing `next` ends the walk: `cursors.after` is present on the last page too.
      if (!page.paging?.next || !page.paging.cursors?.after) return;
      after = page.paging.cursors.after;
    }
  }

  /** One object with the fields of its level. */
  read<T>(id: string, edge: AdEdge, ctx: GraphCallContext, counter: RequestCounter): Promise<T> {
    counter.requests++;
    return this.graph.get<T>(id, { fields: FIELDS_OF[edge] }, ctx);
  }

  /** `POST /act_{id}/{edge}`: creates an object; not repeated after a timeout (it may have been created). */
  async create(
    adAccountId: string,
    edge: 'campaigns' | 'adsets' | 'adcreatives' | 'ads',
    params: GraphParams,
    ctx: GraphCallContext,
    counter: RequestCounter,
  ): Promise<string> {
    counter.requests++;
    const answer = await this.graph.post<{ id: string }>(`${adAccountId}/${edge}`, params, { ...ctx, idempotent: false });
    return answer.id;
  }

  /** `POST /{id}`: setting the same fields twice leaves the same object, so a lost answer may be repeated. */
  async update(id: string, params: GraphParams, ctx: GraphCallContext, counter: RequestCounter): Promise<void> {
    counter.requests++;
    await this.graph.post(id, params, { ...ctx, idempotent: true });
  }

  async remove(id: string, ctx: GraphCallContext, counter: RequestCounter): Promise<void> {
    counter.requests++;
    await this.graph.delete(id, {}, ctx);
  }

  /** `POST /act_{id}/adimages` with base64 bytes; answers the image hash (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adimages/). */
  async uploadImage(adAccountId: string, base64: string, ctx: GraphCallContext, counter: RequestCounter): Promise<string> {
    counter.requests++;
    // Same bytes, same hash: uploading twice makes no second image, so a lost answer may be repeated.
    const answer = await this.graph.post<{ images?: Record<string, { hash?: string }> }>(
      `${adAccountId}/adimages`,
      { bytes: base64 },
      { ...ctx, idempotent: true },
    );
    const hash = Object.values(answer.images ?? {})[0]?.hash;
    if (!hash) throw new MetaGraphError({ kind: 'unknown', message: 'Meta answered the image upload without an image hash' });
    return hash;
  }
}

function isTooMuchData(error: unknown): boolean {
  return error instanceof MetaGraphError && error.code === 1 && error.subcode === 99;
}
