import { Routes } from '@angular/router';

export const apiKeysRoutes: Routes = [
  {
    path: '',
    title: 'API keys · LEGEAI Meta Connect',
    loadComponent: () => import('./api-keys-page/api-keys-page').then((m) => m.ApiKeysPage),
  },
];
