import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Whether the request goes out without a bearer token and without the refresh-and-retry on 401 (login, refresh). */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

/**
 * Whether the caller shows this request's errors itself (an inline error state, a form message), so the global
 * snack bar stays quiet and each error surfaces once.
 */
export const ERRORS_SHOWN_BY_CALLER = new HttpContextToken<boolean>(() => false);

/** Context for requests whose failures the calling page or dialog displays inline. */
export function showsOwnErrors(context = new HttpContext()): HttpContext {
  return context.set(ERRORS_SHOWN_BY_CALLER, true);
}
