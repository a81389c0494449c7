import { InjectionToken } from '@angular/core';
import { API_PREFIX } from '@legeai/contracts';

/**
 * Where the REST API lives. The console is served by the backend on the same origin (and proxied by
 * `ng serve` in development), so a relative path is enough and cookies stay first-party.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => `/${API_PREFIX}`,
});
