import { Routes } from '@angular/router';

export const integrationsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'meta' },
  {
    path: 'meta',
    title: 'Meta integration · LEGEAI Meta Connect',
    loadComponent: () =>
      import('./meta-integration-page/meta-integration-page').then((m) => m.MetaIntegrationPage),
  },
];
