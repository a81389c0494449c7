import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiKeyDto, CreateApiKeyRequest, CreatedApiKeyResponse, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.apiKeys}`;

  /** Errors are shown by the page's error state. */
  list(): Observable<ApiKeyDto[]> {
    return this.http.get<ApiKeyDto[]>(this.url, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the create dialog. */
  create(request: CreateApiKeyRequest): Observable<CreatedApiKeyResponse> {
    return this.http.post<CreatedApiKeyResponse>(this.url, request, { context: showsOwnErrors() });
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(`${this.url}/${encodeURIComponent(id)}`);
  }
}
