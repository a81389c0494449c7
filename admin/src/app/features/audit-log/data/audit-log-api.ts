import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditEntryDto, AuditLogFiltersDto, AuditLogQuery, Page, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.audit}`;

  /** Newest first, filtered. Errors are shown by the page's error state. */
  list(query: AuditLogQuery): Observable<Page<AuditEntryDto>> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) {
        params = params.set(name, value as string | number);
      }
    }
    return this.http.get<Page<AuditEntryDto>>(this.url, { params, context: showsOwnErrors() });
  }

  /** The actors, actions and subject types the pickers offer. */
  filters(): Observable<AuditLogFiltersDto> {
    return this.http.get<AuditLogFiltersDto>(`${this.url}/${ROUTES.auditFilters}`, { context: showsOwnErrors() });
  }
}
