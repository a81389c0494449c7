import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Role } from '@legeai/contracts';

import { AuthStore } from './auth-store';

/**
 * Allows users holding at least `role`. The API enforces roles too; this only keeps people from pages that would
 * answer them with 403s. Others land on the overview page.
 */
export function roleGuard(role: Role): CanActivateFn {
  return () => inject(AuthStore).hasRole(role) || inject(Router).createUrlTree(['/']);
}
