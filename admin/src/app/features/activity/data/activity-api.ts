import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  LeadSyncDto,
  LeadSyncListQuery,
  MetaActivityDto,
  Page,
  ROUTES,
  ReplayLeadSyncsRequest,
  ReplayLeadSyncsResult,
  ReplayableLeadSyncState,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';

const routes = ROUTES.metaIntegration;

/** The lead pipeline as operators watch it: deliveries, queue depth, each lead's timeline, and replays. */
@Injectable({ providedIn: 'root' })
export class ActivityApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  /** Errors are shown by the page's error state. */
  activity(): Observable<MetaActivityDto> {
    return this.http.get<MetaActivityDto>(`${this.url}/${routes.activity}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the list's error state. */
  leadSyncs(query: LeadSyncListQuery): Observable<Page<LeadSyncDto>> {
    return this.http.get<Page<LeadSyncDto>>(`${this.url}/${routes.leadSyncs}`, {
      params: queryParams(query),
      context: showsOwnErrors(),
    });
  }

  /** A refusal surfaces through the snack bar. */
  replay(id: string): Observable<LeadSyncDto> {
    return this.http.post<LeadSyncDto>(`${this.url}/${routes.leadSyncs}/${encodeURIComponent(id)}/${routes.leadSyncReplay}`, null);
  }

  /** A refusal surfaces through the snack bar. */
  replayAll(state: ReplayableLeadSyncState): Observable<ReplayLeadSyncsResult> {
    const body: ReplayLeadSyncsRequest = { state };
    return this.http.post<ReplayLeadSyncsResult>(`${this.url}/${routes.leadSyncs}/${routes.leadSyncReplay}`, body);
  }
}
