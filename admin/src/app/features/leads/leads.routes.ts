import { Routes } from '@angular/router';
import { Role } from '@legeai/contracts';

import { restrictedTo } from '../../core/auth/role-guard';

export const leadsRoutes: Routes = [
  {
    path: '',
    title: 'Leads · LEGEAI Meta Connect',
    loadComponent: () => import('./leads-page/leads-page').then((m) => m.LeadsPage),
  },
  ...restrictedTo(
    Role.Admin,
    {
      path: 'duplicate-rule',
      title: 'Duplicate rule · LEGEAI Meta Connect',
      loadComponent: () => import('./duplicate-rule-page/duplicate-rule-page').then((m) => m.DuplicateRulePage),
    },
    'Duplicate rule',
  ),
];
