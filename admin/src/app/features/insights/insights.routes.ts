import { Routes } from '@angular/router';

export const insightsRoutes: Routes = [
  {
    path: '',
    title: 'Insights · LEGEAI Meta Connect',
    loadComponent: () => import('./insights-page/insights-page').then((m) => m.InsightsPage),
  },
];
