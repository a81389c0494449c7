import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  AcceptInvitationRequest,
  AccessTokenResponse,
  CurrentUser,
  InvitationPreviewDto,
  LoginRequest,
  MyOrganisationDto,
  ROUTES,
  Role,
  roleSatisfies,
} from '@legeai/contracts';
import { Observable, catchError, finalize, firstValueFrom, map, of, shareReplay, tap, timeout } from 'rxjs';

import { API_BASE_URL } from '../api/api-base-url';
import { SKIP_AUTH, showsOwnErrors } from '../api/http-context';

interface Session {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
}

/** How long start-up waits for the refresh cookie to be exchanged before showing the login page. */
const RESTORE_TIMEOUT_MS = 10_000;

/** Message shown on the login page when a session could not be renewed. */
export const SESSION_EXPIRED_MESSAGE = 'Your session has expired. Please sign in again.';

/**
 * The signed-in user and their access token. The token lives in memory only; the refresh token is an httpOnly
 * cookie the browser sends to `/v1/auth`, so a reload restores the session through `restoreSession()`.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly authUrl = `${inject(API_BASE_URL)}/${ROUTES.auth.base}`;

  private readonly session = signal<Session | null>(null);
  private refreshInFlight: Observable<string> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly isAuthenticated = computed(() => this.session() !== null);
  /** Whether the user manages the deployment's organisations (Platform → Organisations). */
  readonly isPlatformAdmin = computed(() => this.session()?.user.platformAdmin === true);
  /** Why the user was sent back to the login page, shown there once. */
  readonly signOutReason = signal<string | null>(null);

  /** Whether the signed-in user holds at least `role`. */
  hasRole(role: Role): boolean {
    const user = this.user();
    return user !== null && roleSatisfies(user.role, role);
  }

  login(credentials: LoginRequest): Observable<CurrentUser> {
    return this.http
      .post<AccessTokenResponse>(`${this.authUrl}/${ROUTES.auth.login}`, credentials, {
        context: new HttpContext().set(SKIP_AUTH, true),
      })
      .pipe(
        tap((response) => {
          this.signOutReason.set(null);
          this.startSession(response);
        }),
        map((response) => response.user),
      );
  }

  /** The organisations the user belongs to, for the switcher. Errors are shown by the caller. */
  myOrganisations(): Observable<MyOrganisationDto[]> {
    return this.http.get<MyOrganisationDto[]>(`${this.authUrl}/${ROUTES.auth.organisations}`, { context: showsOwnErrors() });
  }

  /** Signs the session in to another of the user's organisations (a new access token; refreshes follow it). */
  switchOrganisation(organisationId: string): Observable<CurrentUser> {
    return this.http.post<AccessTokenResponse>(`${this.authUrl}/${ROUTES.auth.switchOrganisation}`, { organisationId }).pipe(
      tap((response) => this.startSession(response)),
      map((response) => response.user),
    );
  }

  /** What an invitation link is for. Errors (unknown, used, expired link) are shown by the invitation page. */
  previewInvitation(token: string): Observable<InvitationPreviewDto> {
    return this.http.post<InvitationPreviewDto>(
      `${this.authUrl}/${ROUTES.auth.invitationPreview}`,
      { token },
      { context: showsOwnErrors(new HttpContext().set(SKIP_AUTH, true)) },
    );
  }

  /** Accepts an invitation: the invitee is signed in to its organisation, like a login. Errors are shown by the page. */
  acceptInvitation(request: AcceptInvitationRequest): Observable<CurrentUser> {
    return this.http
      .post<AccessTokenResponse>(`${this.authUrl}/${ROUTES.auth.invitationAccept}`, request, {
        context: showsOwnErrors(new HttpContext().set(SKIP_AUTH, true)),
      })
      .pipe(
        tap((response) => {
          this.signOutReason.set(null);
          this.startSession(response);
        }),
        map((response) => response.user),
      );
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request, because the
   * server rotates the refresh token and a second parallel refresh would present a token already used. Fails when
   * there is no session: a 401, or a 204 without a body, the answer a server may give when no refresh cookie came at
   * all (the browser logs every 4xx in the console, so "signed out" should not be one on a fresh page load).
   */
  refreshAccessToken(): Observable<string> {
    this.refreshInFlight ??= this.http
      .post<AccessTokenResponse | null>(`${this.authUrl}/${ROUTES.auth.refresh}`, null, {
        context: new HttpContext().set(SKIP_AUTH, true),
      })
      .pipe(
        map((response) => {
          if (!response) {
            throw new Error('No session to restore');
          }
          return response;
        }),
        tap((response) => this.startSession(response)),
        map((response) => response.accessToken),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /**
   * Called once at start-up: a valid refresh cookie signs the user back in after a reload. Start-up waits for it,
   * so a server that does not answer must not keep the console blank: after a while the user simply signs in.
   */
  async restoreSession(): Promise<void> {
    await firstValueFrom(
      this.refreshAccessToken().pipe(
        timeout(RESTORE_TIMEOUT_MS),
        catchError(() => of(null)),
      ),
    );
  }

  /** Ends the session on the server (revoking the refresh token) and locally. */
  logout(): Observable<void> {
    const token = this.accessToken();
    return this.http
      .post<void>(`${this.authUrl}/${ROUTES.auth.logout}`, null, {
        context: new HttpContext().set(SKIP_AUTH, true),
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      })
      .pipe(
        catchError(() => of(undefined)),
        map(() => undefined),
        finalize(() => this.endSession(null)),
      );
  }

  /** Forgets the session locally and returns to the login page, optionally telling the user why. */
  endSession(reason: string | null): void {
    this.session.set(null);
    this.signOutReason.set(reason);
    void this.router.navigate(['/login']);
  }

  private startSession(response: AccessTokenResponse): void {
    this.session.set({
      accessToken: response.accessToken,
      expiresAt: response.expiresAt,
      user: response.user,
    });
  }
}
