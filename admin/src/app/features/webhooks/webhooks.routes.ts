import { Routes } from '@angular/router';

export const webhooksRoutes: Routes = [
  {
    path: '',
    title: 'Webhooks · LEGEAI Meta Connect',
    loadComponent: () => import('./webhooks-page/webhooks-page').then((m) => m.WebhooksPage),
  },
];
