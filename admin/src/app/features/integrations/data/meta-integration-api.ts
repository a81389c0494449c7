import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MetaAdAccountDto,
  MetaAuthUrlResponse,
  MetaConnectionStatus,
  MetaLeadFormDto,
  MetaPageDto,
  ROUTES,
  UpdateLeadFormRequest,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

const routes = ROUTES.metaIntegration;

/** The organisation's Meta connection: connect, health, discovered assets and per-form settings. */
@Injectable({ providedIn: 'root' })
export class MetaIntegrationApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  /** The OAuth dialog URL with a fresh single-use state; failures surface through the snack bar. */
  authUrl(): Observable<MetaAuthUrlResponse> {
    return this.http.get<MetaAuthUrlResponse>(`${this.url}/${routes.authUrl}`);
  }

  /** Errors are shown by the connection card's error state. */
  status(): Observable<MetaConnectionStatus> {
    return this.http.get<MetaConnectionStatus>(`${this.url}/${routes.status}`, { context: showsOwnErrors() });
  }

  /** Runs the connection health check now; answers the status it produced. */
  runCheck(): Observable<MetaConnectionStatus> {
    return this.http.post<MetaConnectionStatus>(`${this.url}/${routes.statusCheck}`, null);
  }

  /** Re-discovers ad accounts, pages and lead forms; answers the new status. */
  refreshAssets(): Observable<MetaConnectionStatus> {
    return this.http.post<MetaConnectionStatus>(`${this.url}/${routes.refresh}`, null);
  }

  /** Revokes the permissions at Meta and wipes the tokens, keeping leads and history; answers the new status. */
  disconnect(): Observable<MetaConnectionStatus> {
    return this.http.post<MetaConnectionStatus>(`${this.url}/${routes.disconnect}`, null);
  }

  /** Errors are shown by the table's error state. */
  adAccounts(): Observable<MetaAdAccountDto[]> {
    return this.http.get<MetaAdAccountDto[]>(`${this.url}/${routes.adAccounts}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the table's error state. */
  pages(): Observable<MetaPageDto[]> {
    return this.http.get<MetaPageDto[]>(`${this.url}/${routes.pages}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the table's error state. */
  leadForms(): Observable<MetaLeadFormDto[]> {
    return this.http.get<MetaLeadFormDto[]>(`${this.url}/${routes.leadForms}`, { context: showsOwnErrors() });
  }

  /** A refusal surfaces through the snack bar; the caller puts the toggle back. */
  updateLeadForm(id: string, changes: UpdateLeadFormRequest): Observable<MetaLeadFormDto> {
    return this.http.patch<MetaLeadFormDto>(`${this.url}/${routes.leadForms}/${encodeURIComponent(id)}`, changes);
  }
}
