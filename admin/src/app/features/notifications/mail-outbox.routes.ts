import { Routes } from '@angular/router';

export const mailOutboxRoutes: Routes = [
  {
    path: '',
    title: 'Mail outbox · LEGEAI Meta Connect',
    loadComponent: () => import('./mail-outbox-page/mail-outbox-page').then((m) => m.MailOutboxPage),
  },
];
