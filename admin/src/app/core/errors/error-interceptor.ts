import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';

import { ERRORS_SHOWN_BY_CALLER, SKIP_AUTH } from '../api/http-context';
import { httpErrorMessage } from './http-error-message';
import { Notifier } from './notifier';

/**
 * Shows each failed request once, in a snack bar, unless the caller displays the error itself. A 401 is left to
 * the auth interceptor, which refreshes the session or sends the user back to the login page with a message.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const notifier = inject(Notifier);
  return next(req).pipe(
    tap({
      error: (error: unknown) => {
        const shownElsewhere =
          req.context.get(ERRORS_SHOWN_BY_CALLER) ||
          req.context.get(SKIP_AUTH) ||
          (error instanceof HttpErrorResponse && error.status === 401);
        if (!shownElsewhere) {
          notifier.error(httpErrorMessage(error));
        }
      },
    }),
  );
};
