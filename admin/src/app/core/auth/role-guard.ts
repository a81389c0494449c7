import { inject } from '@angular/core';
import { CanMatchFn, Route } from '@angular/router';
import { Role } from '@legeai/contracts';

import { AuthStore } from './auth-store';

/**
 * Matches the route for users holding at least `role`. The API enforces roles too; this keeps people from pages that
 * would only answer them with 403s. A `canMatch` rather than a `canActivate`: a refused route lets the router try the
 * next one of the same path, which `restrictedTo` makes the not-allowed page, and its code is not even downloaded.
 */
export function roleGuard(role: Role): CanMatchFn {
  return () => inject(AuthStore).hasRole(role);
}

/**
 * `route` for users holding at least `role`; everyone else gets the not-allowed page at the same address (so the
 * address bar, a reload and the back button keep meaning the page they asked for), which says why. `pageName` names
 * the page there when the navigation's entry for the address would not (a page inside a section others may open).
 */
export function restrictedTo(role: Role, route: Route & { path: string }, pageName?: string): Route[] {
  return [
    { ...route, canMatch: [...(route.canMatch ?? []), roleGuard(role)] },
    {
      path: route.path,
      title: 'Not allowed · LEGEAI Meta Connect',
      data: { requiredRole: role, ...(pageName ? { pageName } : {}) },
      loadChildren: () => import('./not-allowed-page/not-allowed.routes').then((m) => m.notAllowedRoutes),
    },
  ];
}

/** Matches platform administrators only (whatever their role in the organisation); others get the overview. */
export const platformAdminGuard: CanMatchFn = () => inject(AuthStore).isPlatformAdmin();
