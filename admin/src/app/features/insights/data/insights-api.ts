import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { InsightsPage, InsightsQuery, InsightsSettingsDto, InsightsSummaryDto, MetaAdAccountDto, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';

const routes = ROUTES.metaIntegration;

/** MetaInsights: the dashboard's summary, the rows per object (campaigns, breakdowns), the CSV download and the ROI settings. */
@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  summary(query: { since: string; until: string; adAccountId?: string }): Observable<InsightsSummaryDto> {
    return this.http.get<InsightsSummaryDto>(`${this.url}/${routes.insightsSummary}`, { params: queryParams(query) });
  }

  rows(query: InsightsQuery): Observable<InsightsPage> {
    const { ids, ...rest } = query;
    return this.http.get<InsightsPage>(`${this.url}/${routes.insights}`, {
      params: queryParams({ ...rest, ids: ids?.join(',') }),
    });
  }

  /** The rows as a CSV file (every row, no paging). */
  csv(query: InsightsQuery): Observable<Blob> {
    return this.http.get(`${this.url}/${routes.insights}`, {
      params: queryParams({ ...query, ids: query.ids?.join(','), limit: undefined, offset: undefined, format: 'csv' }),
      responseType: 'blob',
    });
  }

  /** The ad accounts, for their names and currencies in the account picker. */
  adAccounts(): Observable<MetaAdAccountDto[]> {
    return this.http.get<MetaAdAccountDto[]>(`${this.url}/${routes.adAccounts}`);
  }

  settings(): Observable<InsightsSettingsDto> {
    return this.http.get<InsightsSettingsDto>(`${this.url}/${routes.insightsSettings}`);
  }

  /** The caller shows a refusal next to the form. */
  saveSettings(settings: InsightsSettingsDto): Observable<InsightsSettingsDto> {
    return this.http.put<InsightsSettingsDto>(`${this.url}/${routes.insightsSettings}`, settings, { context: showsOwnErrors() });
  }
}
