import { Routes } from '@angular/router';

export const leadsRoutes: Routes = [
  {
    path: '',
    title: 'Leads · LEGEAI Meta Connect',
    loadComponent: () => import('./leads-page/leads-page').then((m) => m.LeadsPage),
  },
];
