import { Routes } from '@angular/router';

export const notificationsRoutes: Routes = [
  {
    path: '',
    title: 'Notifications · LEGEAI Meta Connect',
    loadComponent: () => import('./notifications-page/notifications-page').then((m) => m.NotificationsPage),
  },
  {
    path: 'preferences',
    title: 'Notification preferences · LEGEAI Meta Connect',
    loadComponent: () => import('./preferences-page/preferences-page').then((m) => m.PreferencesPage),
  },
];
