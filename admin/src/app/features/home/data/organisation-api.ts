import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { OrganisationDto, ROUTES, UpdateOrganisationRequest } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

@Injectable({ providedIn: 'root' })
export class OrganisationApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.organisation}`;

  get(): Observable<OrganisationDto> {
    return this.http.get<OrganisationDto>(this.url, { context: showsOwnErrors() });
  }

  /** Admins only; a refusal surfaces through the global snack bar. */
  update(change: UpdateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.patch<OrganisationDto>(this.url, change);
  }
}
