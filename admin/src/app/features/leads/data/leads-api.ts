import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  LeadDetailDto,
  LeadListQuery,
  LeadPage,
  MetaLeadFormDto,
  ROUTES,
  ReopenLeadRequest,
  UpdateLeadCustomFieldsRequest,
  UpdateLeadStatusRequest,
} from '@legeai/contracts';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';

/** Export formats: CSV for programs, XLSX (every cell text) for spreadsheets. */
export type LeadExportFormat = 'csv' | 'xlsx';

/** The organisation's lead store: list, detail, status pipeline, reopening and exports. */
@Injectable({ providedIn: 'root' })
export class LeadsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly url = `${this.base}/${ROUTES.leads}`;

  /** Errors are shown by the page's error state. */
  list(query: LeadListQuery): Observable<LeadPage> {
    return this.http.get<LeadPage>(this.url, { params: leadQueryParams(query), context: showsOwnErrors() });
  }

  /** Errors are shown inside the detail drawer. */
  get(id: string): Observable<LeadDetailDto> {
    return this.http.get<LeadDetailDto>(`${this.url}/${encodeURIComponent(id)}`, { context: showsOwnErrors() });
  }

  /** A refused move (409) surfaces through the snack bar with the server's reason; the caller reverts. */
  updateStatus(id: string, request: UpdateLeadStatusRequest): Observable<LeadDetailDto> {
    return this.http.patch<LeadDetailDto>(`${this.url}/${encodeURIComponent(id)}/${ROUTES.leadStatus}`, request);
  }

  /** A refused reopen (409) surfaces through the snack bar with the server's reason. */
  reopen(id: string, request: ReopenLeadRequest): Observable<LeadDetailDto> {
    return this.http.post<LeadDetailDto>(`${this.url}/${encodeURIComponent(id)}/${ROUTES.leadReopen}`, request);
  }

  /**
   * Every lead matching `query` (paging aside) as CSV or XLSX. Fetched through HttpClient rather than a link because
   * the API wants the bearer token, which lives in memory only. Errors are shown next to the export buttons.
   */
  export(query: Omit<LeadListQuery, 'limit' | 'offset'>, format: LeadExportFormat): Observable<Blob> {
    const route = format === 'csv' ? ROUTES.leadsExport : ROUTES.leadsExportXlsx;
    return this.http
      .get(`${this.url}/${route}`, {
        params: leadQueryParams(query),
        responseType: 'blob',
        context: showsOwnErrors(),
      })
      .pipe(catchError((error: unknown) => from(withReadableBody(error)).pipe(switchMap((e) => throwError(() => e)))));
  }

  /** Errors are shown inside the drawer's custom fields section. */
  updateCustomFields(id: string, request: UpdateLeadCustomFieldsRequest): Observable<LeadDetailDto> {
    return this.http.patch<LeadDetailDto>(`${this.url}/${encodeURIComponent(id)}/${ROUTES.leadCustomFields}`, request, {
      context: showsOwnErrors(),
    });
  }

  /** Options of the form filter; when this fails the filter still works on forms seen in the rows. */
  leadForms(): Observable<MetaLeadFormDto[]> {
    const meta = ROUTES.metaIntegration;
    return this.http.get<MetaLeadFormDto[]>(`${this.base}/${meta.base}/${meta.leadForms}`, {
      context: showsOwnErrors(),
    });
  }
}

/** The list query as parameters; custom field filters travel as `field.<key>=value`, one parameter each. */
function leadQueryParams(query: LeadListQuery): HttpParams {
  const { fields, ...rest } = query;
  let params = queryParams(rest);
  for (const [key, value] of Object.entries(fields ?? {})) {
    params = params.set(`field.${key}`, value);
  }
  return params;
}

/**
 * A blob request's error body arrives as a Blob too; reading it back as JSON lets the API's error envelope (and so
 * the server's message) reach the page.
 */
async function withReadableBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    const body: unknown = JSON.parse(await readText(error.error));
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

/** FileReader rather than `Blob.text()`, which the test DOM (jsdom) lacks. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string); // readAsText always yields a string
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(blob);
  });
}
