import { Routes } from '@angular/router';

export const auditLogRoutes: Routes = [
  {
    path: '',
    title: 'Audit log · LEGEAI Meta Connect',
    loadComponent: () => import('./audit-log-page/audit-log-page').then((m) => m.AuditLogPage),
  },
];
