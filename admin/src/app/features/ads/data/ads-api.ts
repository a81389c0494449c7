import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AdAccountSyncStateDto,
  AdListQuery,
  AdSetListQuery,
  AdObjectListQuery,
  AdsGuardrailsDto,
  AdsSettingsRequest,
  AdsSyncAccepted,
  BulkStatusRequest,
  BulkStatusResult,
  CreateLeadCampaignRequest,
  CreateLeadCampaignResult,
  MetaAdAccountDto,
  MetaAdDto,
  MetaAdSetDto,
  MetaCampaignDto,
  MetaLeadFormDto,
  MetaPageDto,
  Page,
  ROUTES,
  UpdateAdObjectRequest,
  ValidateLeadCampaignResult,
} from '@legeai/contracts';
import { EMPTY, Observable, expand, filter, map, retry, take, throwError, throwIfEmpty, timer } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';
import { IDEMPOTENCY_HEADER } from './idempotency';

const routes = ROUTES.metaIntegration;

/** Which kind of object a write goes to, and the path segment of its collection. */
export type AdObjectKind = 'campaign' | 'adset' | 'ad';
const COLLECTION: Record<AdObjectKind, string> = {
  campaign: routes.campaigns,
  adset: routes.adSets,
  ad: routes.ads,
};

/** Answers worth sending again with the same key: the request may never have arrived, or the server was briefly away. */
const TRANSIENT = new Set([0, 502, 503, 504]);
const RETRY_DELAYS_MS = [800, 2000];
/** Campaigns read per request while looking for one: the API's largest page. */
const FIND_PAGE = 200;

/**
 * MetaAds: the mirror of the organisation's campaigns, ad sets and ads, and the writes to them. Every write carries
 * the caller's idempotency key, and a write that met a dropped connection or a gateway error is sent again with the
 * same key, so the server applies it once. Writes show their own errors (after the retries, not once per attempt):
 * callers put them in a dialog, on the review step or in the snack bar.
 */
@Injectable({ providedIn: 'root' })
export class AdsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  /** Errors are shown by the page's error state. */
  adAccounts(): Observable<MetaAdAccountDto[]> {
    return this.http.get<MetaAdAccountDto[]>(`${this.url}/${routes.adAccounts}`, { context: showsOwnErrors() });
  }

  /** Errors are shown next to the Page field. */
  pages(): Observable<MetaPageDto[]> {
    return this.http.get<MetaPageDto[]>(`${this.url}/${routes.pages}`, { context: showsOwnErrors() });
  }

  /** Errors are shown next to the lead form field. */
  leadForms(): Observable<MetaLeadFormDto[]> {
    return this.http.get<MetaLeadFormDto[]>(`${this.url}/${routes.leadForms}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the table's error state. */
  campaigns(query: AdObjectListQuery): Observable<Page<MetaCampaignDto>> {
    return this.http.get<Page<MetaCampaignDto>>(`${this.url}/${routes.campaigns}`, {
      params: queryParams(query),
      context: showsOwnErrors(),
    });
  }

  /**
   * One campaign by Meta's id. The API lists campaigns but reads none by id, so the detail page (when opened by its
   * address rather than from the table, which hands the row over) looks for it page by page in its ad account, most
   * accounts answering in one request. Errors, and a campaign that is not in the mirror, are shown by the page.
   */
  findCampaign(campaignId: string, adAccountId: string | null): Observable<MetaCampaignDto> {
    const page = (offset: number) =>
      this.campaigns({ adAccountId: adAccountId ?? undefined, sort: 'name', order: 'asc', limit: FIND_PAGE, offset });
    return page(0).pipe(
      expand((answer) => {
        const next = answer.offset + answer.items.length;
        const found = answer.items.some((c) => c.campaignId === campaignId);
        return found || answer.items.length === 0 || next >= answer.total ? EMPTY : page(next);
      }),
      map((answer) => answer.items.find((c) => c.campaignId === campaignId)),
      filter((campaign): campaign is MetaCampaignDto => campaign !== undefined),
      take(1),
      throwIfEmpty(() => notInMirror()),
    );
  }

  adSets(query: AdSetListQuery): Observable<Page<MetaAdSetDto>> {
    return this.http.get<Page<MetaAdSetDto>>(`${this.url}/${routes.adSets}`, {
      params: queryParams(query),
      context: showsOwnErrors(),
    });
  }

  ads(query: AdListQuery): Observable<Page<MetaAdDto>> {
    return this.http.get<Page<MetaAdDto>>(`${this.url}/${routes.ads}`, {
      params: queryParams(query),
      context: showsOwnErrors(),
    });
  }

  /** How each ad account's mirror stands; errors are shown next to "Sync now". */
  syncStates(): Observable<AdAccountSyncStateDto[]> {
    return this.http.get<AdAccountSyncStateDto[]>(`${this.url}/${routes.campaignsSync}`, { context: showsOwnErrors() });
  }

  /** Queues a sync of one account now; a refusal surfaces through the snack bar (nothing is applied twice by it). */
  syncNow(adAccountId: string): Observable<AdsSyncAccepted> {
    return this.http.post<AdsSyncAccepted>(`${this.url}/${routes.campaignsSync}`, { adAccountId });
  }

  /** Errors are shown by the caller: the settings card or the creation flow. */
  guardrails(): Observable<AdsGuardrailsDto> {
    return this.http.get<AdsGuardrailsDto>(`${this.url}/${routes.adsGuardrails}`, { context: showsOwnErrors() });
  }

  /** Errors are shown in the settings card. */
  saveSettings(settings: AdsSettingsRequest): Observable<AdsGuardrailsDto> {
    return this.http.put<AdsGuardrailsDto>(`${this.url}/${routes.adsSettings}`, settings, { context: showsOwnErrors() });
  }

  /** The guardrail findings for a draft; a failure leaves the last findings shown (submit checks again). */
  validate(draft: CreateLeadCampaignRequest): Observable<ValidateLeadCampaignResult> {
    return this.http.post<ValidateLeadCampaignResult>(`${this.url}/${routes.campaignsValidate}`, draft, {
      context: showsOwnErrors(),
    });
  }

  /** Creates the campaign, its ad set and its ad; errors are shown on the review step. */
  create(request: CreateLeadCampaignRequest, idempotencyKey: string): Observable<CreateLeadCampaignResult> {
    return this.http
      .post<CreateLeadCampaignResult>(`${this.url}/${routes.campaigns}`, request, {
        headers: keyed(idempotencyKey),
        context: showsOwnErrors(),
      })
      .pipe(retryTransient());
  }

  /** Pause, resume, budget or end date of one object. */
  update<T extends MetaCampaignDto | MetaAdSetDto | MetaAdDto>(
    kind: AdObjectKind,
    id: string,
    changes: UpdateAdObjectRequest,
    idempotencyKey: string,
  ): Observable<T> {
    return this.http
      .put<T>(`${this.url}/${COLLECTION[kind]}/${encodeURIComponent(id)}`, changes, {
        headers: keyed(idempotencyKey),
        context: showsOwnErrors(),
      })
      .pipe(retryTransient());
  }

  /** Pauses or resumes many objects; each result says whether its object changed. */
  bulkStatus(request: BulkStatusRequest, idempotencyKey: string): Observable<BulkStatusResult> {
    return this.http
      .post<BulkStatusResult>(`${this.url}/${routes.adsBulkStatus}`, request, {
        headers: keyed(idempotencyKey),
        context: showsOwnErrors(),
      })
      .pipe(retryTransient());
  }
}

/** The answer for a campaign the mirror does not hold, shaped like the API's own 404 so pages word it the same. */
function notInMirror(): HttpErrorResponse {
  return new HttpErrorResponse({
    status: 404,
    statusText: 'Not Found',
    error: {
      error: {
        status: 404,
        code: 'not_found',
        message: 'This campaign is not in LEGEAI: it may have been deleted in Ads Manager, or not synced yet.',
      },
    },
  });
}

function keyed(idempotencyKey: string): HttpHeaders {
  return new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey });
}

/** Sends a write again, with the same key, when the answer says it may not have arrived. */
function retryTransient<T>() {
  return retry<T>({
    count: RETRY_DELAYS_MS.length,
    delay: (error: unknown, attempt) =>
      error instanceof HttpErrorResponse && TRANSIENT.has(error.status) ? timer(RETRY_DELAYS_MS[attempt - 1]) : throwError(() => error),
  });
}
