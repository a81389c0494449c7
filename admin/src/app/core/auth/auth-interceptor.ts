import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';

import { API_BASE_URL } from '../api/api-base-url';
import { SKIP_AUTH } from '../api/http-context';
import { AuthStore, SESSION_EXPIRED_MESSAGE } from './auth-store';

function withBearer(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds the access token to API requests. On a 401 it renews the token once and retries; if renewal fails the
 * session is over, so the user goes back to the login page with a message instead of a broken page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const apiBase = inject(API_BASE_URL);
  if (req.context.get(SKIP_AUTH) || !req.url.startsWith(apiBase)) {
    return next(req);
  }
  const auth = inject(AuthStore);
  const sentToken = auth.accessToken();

  return next(withBearer(req, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        return throwError(() => error);
      }
      // Another request may already have renewed the token while this one was in flight.
      const current = auth.accessToken();
      if (current && current !== sentToken) {
        return next(withBearer(req, current));
      }
      return auth.refreshAccessToken().pipe(
        catchError(() => {
          auth.endSession(SESSION_EXPIRED_MESSAGE);
          return throwError(() => error);
        }),
        switchMap((token) => next(withBearer(req, token))),
      );
    }),
  );
};
