import { Routes } from '@angular/router';

/** Every address under a page the user may not open shows why. */
export const notAllowedRoutes: Routes = [{ path: '**', loadComponent: () => import('./not-allowed-page').then((m) => m.NotAllowedPage) }];
