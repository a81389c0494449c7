import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';

import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth-interceptor';
import { AuthStore } from './core/auth/auth-store';
import { errorInterceptor } from './core/errors/error-interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ anchorScrolling: 'enabled' })),
    // The error interceptor is outermost so it sees the outcome after the auth interceptor's refresh and retry.
    provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
    // A reload keeps the session: the refresh cookie is exchanged for an access token before the first route runs.
    provideAppInitializer(() => inject(AuthStore).restoreSession()),
  ],
};
