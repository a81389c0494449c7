import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CapiDatasetDto,
  CapiEventDto,
  CapiEventListQuery,
  CapiOverviewDto,
  CapiReplayRequest,
  CapiReplayResult,
  CapiSettingsDto,
  CapiSettingsRequest,
  CreateCapiDatasetRequest,
  MetaAdAccountDto,
  Page,
  ROUTES,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';

const routes = ROUTES.metaIntegration;

/** Lead stages sent back to Meta (Conversions API for CRM): setup, events, overview and replay. */
@Injectable({ providedIn: 'root' })
export class ConversionsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  /** Errors are shown beside the ad account picker. */
  adAccounts(): Observable<MetaAdAccountDto[]> {
    return this.http.get<MetaAdAccountDto[]>(`${this.url}/${routes.adAccounts}`, { context: showsOwnErrors() });
  }

  /** Errors are shown by the setup card's error state. */
  settings(): Observable<CapiSettingsDto> {
    return this.http.get<CapiSettingsDto>(`${this.url}/${routes.conversionsSettings}`, { context: showsOwnErrors() });
  }

  /** Errors are shown beside the form. */
  saveSettings(request: CapiSettingsRequest): Observable<CapiSettingsDto> {
    return this.http.put<CapiSettingsDto>(`${this.url}/${routes.conversionsSettings}`, request, { context: showsOwnErrors() });
  }

  /** Errors are shown beside the dataset picker. */
  datasets(adAccountId: string): Observable<CapiDatasetDto[]> {
    return this.http.get<CapiDatasetDto[]>(`${this.url}/${routes.conversionsDatasets}`, {
      params: queryParams({ adAccountId }),
      context: showsOwnErrors(),
    });
  }

  /** Errors are shown beside the dataset picker. */
  createDataset(request: CreateCapiDatasetRequest): Observable<CapiDatasetDto> {
    return this.http.post<CapiDatasetDto>(`${this.url}/${routes.conversionsDatasets}`, request, { context: showsOwnErrors() });
  }

  /** Errors are shown by the list's (or the timeline's) own state. */
  events(query: CapiEventListQuery): Observable<Page<CapiEventDto>> {
    return this.http.get<Page<CapiEventDto>>(`${this.url}/${routes.conversionsEvents}`, {
      params: queryParams(query),
      context: showsOwnErrors(),
    });
  }

  /** Errors are shown by the overview's error state. */
  overview(days: number): Observable<CapiOverviewDto> {
    return this.http.get<CapiOverviewDto>(`${this.url}/${routes.conversionsOverview}`, {
      params: queryParams({ days }),
      context: showsOwnErrors(),
    });
  }

  /** A refusal surfaces through the snack bar. */
  replay(ids?: string[]): Observable<CapiReplayResult> {
    const body: CapiReplayRequest = ids ? { ids } : {};
    return this.http.post<CapiReplayResult>(`${this.url}/${routes.conversionsReplay}`, body);
  }
}
