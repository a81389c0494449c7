import { Routes } from '@angular/router';

export const homeRoutes: Routes = [
  {
    path: '',
    title: 'Overview · LEGEAI Meta Connect',
    loadComponent: () => import('./home-page/home-page').then((m) => m.HomePage),
  },
];
