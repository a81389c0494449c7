import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateLeadFieldRequest, LeadFieldDefinitionDto, ROUTES, UpdateLeadFieldRequest } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

/** The organisation's custom lead fields: everyone reads them, admins define them. */
@Injectable({ providedIn: 'root' })
export class LeadFieldsApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.leadFields}`;

  /** Errors are shown by the caller (the page's error state; the leads filters do without). */
  list(): Observable<LeadFieldDefinitionDto[]> {
    return this.http.get<LeadFieldDefinitionDto[]>(this.url, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  create(request: CreateLeadFieldRequest): Observable<LeadFieldDefinitionDto> {
    return this.http.post<LeadFieldDefinitionDto>(this.url, request, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  update(id: string, request: UpdateLeadFieldRequest): Observable<LeadFieldDefinitionDto> {
    return this.http.patch<LeadFieldDefinitionDto>(`${this.url}/${encodeURIComponent(id)}`, request, { context: showsOwnErrors() });
  }

  /** Archiving or restoring from the list: a refusal surfaces through the snack bar. */
  setArchived(id: string, archived: boolean): Observable<LeadFieldDefinitionDto> {
    return this.http.patch<LeadFieldDefinitionDto>(`${this.url}/${encodeURIComponent(id)}`, { archived });
  }
}
