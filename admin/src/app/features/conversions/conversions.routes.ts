import { Routes } from '@angular/router';

export const conversionsRoutes: Routes = [
  {
    path: '',
    title: 'Conversions to Meta · LEGEAI Meta Connect',
    loadComponent: () => import('./conversions-page/conversions-page').then((m) => m.ConversionsPage),
  },
];
