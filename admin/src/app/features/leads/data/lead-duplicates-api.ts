import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { DuplicateSettingsDto, LeadDetailDto, NotDuplicateRequest, ROUTES, UpdateDuplicateSettingsRequest } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

/** A lead's duplicate links (unlink, confirm) and the organisation's person-matching rule. */
@Injectable({ providedIn: 'root' })
export class LeadDuplicatesApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  /** Answers the lead `id` as the drawer shows it; a refusal (409: already apart) reaches the snack bar. */
  notDuplicate(id: string, request: NotDuplicateRequest): Observable<LeadDetailDto> {
    return this.http.post<LeadDetailDto>(this.leadUrl(id, ROUTES.leadNotDuplicate), request);
  }

  confirm(id: string): Observable<LeadDetailDto> {
    return this.http.post<LeadDetailDto>(this.leadUrl(id, ROUTES.leadConfirmDuplicate), {});
  }

  /** Errors are shown by the page's error state. */
  settings(): Observable<DuplicateSettingsDto> {
    return this.http.get<DuplicateSettingsDto>(`${this.base}/${ROUTES.leadDuplicateSettings}`, { context: showsOwnErrors() });
  }

  /** Errors are shown next to the form. */
  saveSettings(request: UpdateDuplicateSettingsRequest): Observable<DuplicateSettingsDto> {
    return this.http.put<DuplicateSettingsDto>(`${this.base}/${ROUTES.leadDuplicateSettings}`, request, { context: showsOwnErrors() });
  }

  private leadUrl(id: string, route: string): string {
    return `${this.base}/${ROUTES.leads}/${encodeURIComponent(id)}/${route}`;
  }
}
