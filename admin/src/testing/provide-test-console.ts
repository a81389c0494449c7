import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';

import { authInterceptor } from '../app/core/auth/auth-interceptor';
import { errorInterceptor } from '../app/core/errors/error-interceptor';
import { provideQuietConnectionStatus } from './quiet-connection-status';
import { provideQuietUnreadNotifications } from './quiet-unread-notifications';

/**
 * What a page needs to run in a unit test the way it runs in the console: the real interceptors over
 * `HttpTestingController`, a router, and Material without animations so dialogs open and close at once.
 */
export function provideTestConsole(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
    provideHttpClientTesting(),
    provideRouter([]),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
    provideQuietConnectionStatus(),
    provideQuietUnreadNotifications(),
  ];
}
