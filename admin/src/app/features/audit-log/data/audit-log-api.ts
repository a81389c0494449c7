import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditEntryDto, Page, PageQuery, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.audit}`;

  /** Newest first. Errors are shown by the page's error state. */
  list({ limit = 25, offset = 0 }: PageQuery): Observable<Page<AuditEntryDto>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<AuditEntryDto>>(this.url, { params, context: showsOwnErrors() });
  }
}
