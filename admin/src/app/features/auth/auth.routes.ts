import { Routes } from '@angular/router';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'Sign in · LEGEAI Meta Connect',
    loadComponent: () => import('./login-page/login-page').then((m) => m.LoginPage),
  },
];
