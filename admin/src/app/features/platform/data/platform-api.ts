import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CreatedInvitationDto, PendingInvitationDto, PlatformOrganisationDto, ROUTES } from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

const R = ROUTES.platform;

/** The deployment's organisations, for platform administrators. */
@Injectable({ providedIn: 'root' })
export class PlatformApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${R.base}`;

  /** Errors are shown by the page's error state. */
  list(): Observable<PlatformOrganisationDto[]> {
    return this.http.get<PlatformOrganisationDto[]>(this.url, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the create dialog. */
  create(name: string): Observable<PlatformOrganisationDto> {
    return this.http.post<PlatformOrganisationDto>(this.url, { name }, { context: showsOwnErrors() });
  }

  /** Errors (e.g. suspending the organisation you are signed in to) surface through the global snack bar. */
  setSuspended(id: string, suspended: boolean): Observable<PlatformOrganisationDto> {
    return this.http.post<PlatformOrganisationDto>(`${this.url}/${encodeURIComponent(id)}/${suspended ? R.suspend : R.reactivate}`, null);
  }

  /** Errors are shown inside the invite dialog. */
  invite(id: string, email: string): Observable<CreatedInvitationDto> {
    return this.http.post<CreatedInvitationDto>(
      `${this.url}/${encodeURIComponent(id)}/${R.invitations}`,
      { email },
      { context: showsOwnErrors() },
    );
  }

  /** Errors are shown by the invitations dialog's error state. */
  pendingInvitations(id: string): Observable<PendingInvitationDto[]> {
    return this.http.get<PendingInvitationDto[]>(`${this.url}/${encodeURIComponent(id)}/${R.invitations}`, { context: showsOwnErrors() });
  }

  /** Errors (e.g. the invitation was used meanwhile) surface through the global snack bar. */
  revokeInvitation(id: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${this.url}/${encodeURIComponent(id)}/${R.invitations}/${encodeURIComponent(invitationId)}`);
  }
}

/** The console's own address of an invitation: the token in the fragment, which browsers never send to a server. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitation#${token}`;
}
