import { Routes } from '@angular/router';

export const activityRoutes: Routes = [
  {
    path: '',
    title: 'Activity · LEGEAI Meta Connect',
    loadComponent: () => import('./activity-page/activity-page').then((m) => m.ActivityPage),
  },
];
