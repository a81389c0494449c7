import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  LeadFormMapping,
  LeadFormMappingDto,
  LeadSyncDto,
  LeadSyncListQuery,
  MappingPreviewDto,
  MappingPreviewRequest,
  Page,
  ROUTES,
  SendTestLeadResult,
  SyncLeadsRequest,
  SyncLeadsResult,
  UpdateLeadFormMappingRequest,
} from '@legeai/contracts';
import { Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';
import { queryParams } from '../../../core/api/query-params';

const routes = ROUTES.metaIntegration;

/**
 * What is done with one lead form: its mapping and preview, test leads, on-demand syncs, and following a lead through
 * the pipeline. Every caller shows its own errors (inline in the editor or dialog).
 */
@Injectable({ providedIn: 'root' })
export class LeadFormApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${routes.base}`;

  mapping(formId: string): Observable<LeadFormMappingDto> {
    return this.http.get<LeadFormMappingDto>(`${this.formUrl(formId)}/${routes.leadFormMapping}`, {
      context: showsOwnErrors(),
    });
  }

  updateMapping(formId: string, mapping: UpdateLeadFormMappingRequest): Observable<LeadFormMappingDto> {
    return this.http.put<LeadFormMappingDto>(`${this.formUrl(formId)}/${routes.leadFormMapping}`, mapping, {
      context: showsOwnErrors(),
    });
  }

  previewMapping(formId: string, mapping: LeadFormMapping): Observable<MappingPreviewDto> {
    const body: MappingPreviewRequest = { mapping };
    return this.http.post<MappingPreviewDto>(`${this.formUrl(formId)}/${routes.leadFormMappingPreview}`, body, {
      context: showsOwnErrors(),
    });
  }

  sendTestLead(formId: string): Observable<SendTestLeadResult> {
    return this.http.post<SendTestLeadResult>(`${this.formUrl(formId)}/${routes.testLead}`, null, {
      context: showsOwnErrors(),
    });
  }

  syncLeads(request: SyncLeadsRequest): Observable<SyncLeadsResult> {
    return this.http.post<SyncLeadsResult>(`${this.url}/${routes.syncLeads}`, request, { context: showsOwnErrors() });
  }

  /** The sync of one Meta lead, or null until its webhook has arrived. */
  leadSyncOf(leadgenId: string): Observable<LeadSyncDto | null> {
    return this.http
      .get<Page<LeadSyncDto>>(`${this.url}/${routes.leadSyncs}`, {
        params: queryParams({ leadgenId, limit: 1 } satisfies LeadSyncListQuery),
        context: showsOwnErrors(),
      })
      .pipe(map((page) => page.items.find((sync) => sync.leadgenId === leadgenId) ?? null));
  }

  leadSync(id: string): Observable<LeadSyncDto> {
    return this.http.get<LeadSyncDto>(`${this.url}/${routes.leadSyncs}/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  private formUrl(formId: string): string {
    return `${this.url}/${routes.leadForms}/${encodeURIComponent(formId)}`;
  }
}
