import { Routes } from '@angular/router';

export const platformRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'organisations' },
  {
    path: 'organisations',
    title: 'Organisations · Platform · LEGEAI Meta Connect',
    loadComponent: () => import('./organisations-page/organisations-page').then((m) => m.OrganisationsPage),
  },
];
