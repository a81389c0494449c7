import { Routes } from '@angular/router';

export const leadFieldsRoutes: Routes = [
  {
    path: '',
    title: 'Lead fields · LEGEAI Meta Connect',
    loadComponent: () => import('./lead-fields-page/lead-fields-page').then((m) => m.LeadFieldsPage),
  },
];
