import { Injectable } from '@nestjs/common';
import { MetaGraphClient, type GraphCallContext, type GraphPage } from '../../../infra/meta-graph';

/** Meta's documented maximum of requests in one items_batch call ("up to 5000 records"). */
export const ITEMS_BATCH_MAX = 5000;

export interface GraphCatalog {
  id: string;
  name?: string;
  vertical?: string;
  product_count?: number;
  business?: { id: string; name?: string };
}

export interface GraphBusiness {
  id: string;
  name?: string;
}

export interface GraphDiagnosticGroup {
  title?: string;
  subtitle?: string;
  severity?: string;
  number_of_affected_items?: number;
}

export interface BatchRequest {
  method: 'CREATE' | 'UPDATE' | 'DELETE';
  data: Record<string, string>;
}

export interface ItemsBatchAnswer {
  handles?: string[];
  validation_status?: { retailer_id?: string; errors?: { message: string }[]; warnings?: { message: string }[] }[];
}

export interface BatchIssue {
  line?: number;
  id?: string;
  message: string;
}

export interface BatchStatus {
  handle: string;
  status: string;
  errors_total_count?: number;
  errors?: BatchIssue[];
  warnings_total_count?: number;
  warnings?: BatchIssue[];
  ids_of_invalid_requests?: string[];
}

/** Who catalog calls are made for: the connection's user token, on the catalog's business use case. */
export const catalogCallContext = (accessToken: string, objectId?: string): GraphCallContext => ({
  accessToken,
  businessId: objectId,
});

/**
 * The catalog calls of MetaCatalog, all through the one Graph client (appsecret_proof, retries, pacing; tokens never
 * in URLs). Catalogs: https://developers.facebook.com/docs/marketing-api/reference/business/owned_product_catalogs/;
 * batches: https://developers.facebook.com/docs/marketing-api/catalog-batch/reference/.
 */
@Injectable()
export class CatalogGraphApi {
  constructor(private readonly graph: MetaGraphClient) {}

  async businesses(ctx: GraphCallContext): Promise<GraphBusiness[]> {
    const out: GraphBusiness[] = [];
    for await (const business of this.graph.paginate<GraphBusiness>('me/businesses', { fields: 'id,name', limit: 100 }, ctx))
      out.push(business);
    return out;
  }

  async catalogsOf(businessId: string, ctx: GraphCallContext): Promise<GraphCatalog[]> {
    const out: GraphCatalog[] = [];
    const params = { fields: 'id,name,vertical,product_count,business{id,name}', limit: 100 };
    for await (const catalog of this.graph.paginate<GraphCatalog>(`${businessId}/owned_product_catalogs`, params, ctx)) out.push(catalog);
    return out;
  }

  /** Product items live in `commerce` catalogs. Not repeated after a timeout: it may have been created. */
  async createCatalog(businessId: string, name: string, ctx: GraphCallContext): Promise<string> {
    const answer = await this.graph.post<{ id: string }>(
      `${businessId}/owned_product_catalogs`,
      { name, vertical: 'commerce' },
      { ...ctx, idempotent: false },
    );
    return answer.id;
  }

  catalog(catalogId: string, ctx: GraphCallContext): Promise<GraphCatalog> {
    return this.graph.get<GraphCatalog>(catalogId, { fields: 'id,name,vertical,product_count,business{id,name}' }, ctx);
  }

  /** https://developers.facebook.com/docs/marketing-api/reference/product-catalog/diagnostics/ */
  async diagnostics(catalogId: string, ctx: GraphCallContext): Promise<GraphDiagnosticGroup[]> {
    const page = await this.graph.get<GraphPage<GraphDiagnosticGroup>>(`${catalogId}/diagnostics`, {}, ctx);
    return page.data ?? [];
  }

  /**
   * `POST /{catalog-id}/items_batch` with `item_type=PRODUCT_ITEM`. Requests are keyed by retailer id and say what the
   * item becomes, so sending the same batch twice leaves the same catalog: a lost answer may be repeated.
   */
  itemsBatch(catalogId: string, requests: BatchRequest[], ctx: GraphCallContext): Promise<ItemsBatchAnswer> {
    return this.graph.post<ItemsBatchAnswer>(
      `${catalogId}/items_batch`,
      { item_type: 'PRODUCT_ITEM', allow_upsert: true, requests },
      { ...ctx, idempotent: true },
    );
  }

  /** https://developers.facebook.com/docs/marketing-api/reference/product-catalog/check_batch_request_status/ */
  async batchStatus(catalogId: string, handle: string, ctx: GraphCallContext): Promise<BatchStatus | undefined> {
    const page = await this.graph.get<GraphPage<BatchStatus>>(
      `${catalogId}/check_batch_request_status`,
      { handle, load_ids_of_invalid_requests: true },
      ctx,
    );
    return page.data?.[0];
  }
}
