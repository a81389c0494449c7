import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreateUserRequest, ROUTES, UpdateUserRequest, UserDto } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${ROUTES.users}`;

  /** Errors are shown by the page's error state. */
  list(): Observable<UserDto[]> {
    return this.http.get<UserDto[]>(this.url, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the create dialog. */
  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>(this.url, request, { context: showsOwnErrors() });
  }

  /** Errors (e.g. demoting the last admin) surface through the global snack bar. */
  update(id: string, changes: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`${this.url}/${encodeURIComponent(id)}`, changes);
  }
}
