import { Routes } from '@angular/router';

export const usersRoutes: Routes = [
  {
    path: '',
    title: 'Users · LEGEAI Meta Connect',
    loadComponent: () => import('./users-page/users-page').then((m) => m.UsersPage),
  },
];
