import { Routes } from '@angular/router';
import { Role } from '@legeai/contracts';

import { authGuard, guestGuard } from './core/auth/auth-guard';
import { platformAdminGuard, restrictedTo } from './core/auth/role-guard';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    // Public: an invitation link works signed out (the invitee has no account yet, or signs in on the page).
    path: 'invitation',
    title: 'Invitation · LEGEAI Meta Connect',
    loadComponent: () => import('./features/invitation/invitation-page').then((m) => m.InvitationPage),
  },
  {
    path: '',
    // Lazy like the pages: the sign-in page, which most first loads show, needs none of the shell's Material.
    loadComponent: () => import('./core/layout/shell/shell').then((m) => m.Shell),
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadChildren: () => import('./features/home/home.routes').then((m) => m.homeRoutes),
      },
      {
        path: 'leads',
        loadChildren: () => import('./features/leads/leads.routes').then((m) => m.leadsRoutes),
      },
      {
        path: 'ads',
        loadChildren: () => import('./features/ads/ads.routes').then((m) => m.adsRoutes),
      },
      {
        path: 'insights',
        loadChildren: () => import('./features/insights/insights.routes').then((m) => m.insightsRoutes),
      },
      {
        path: 'catalog',
        loadChildren: () => import('./features/catalog/catalog.routes').then((m) => m.catalogRoutes),
      },
      {
        path: 'activity',
        loadChildren: () => import('./features/activity/activity.routes').then((m) => m.activityRoutes),
      },
      {
        path: 'lead-fields',
        loadChildren: () => import('./features/lead-fields/lead-fields.routes').then((m) => m.leadFieldsRoutes),
      },
      {
        path: 'conversions',
        loadChildren: () => import('./features/conversions/conversions.routes').then((m) => m.conversionsRoutes),
      },
      {
        path: 'notifications',
        loadChildren: () => import('./features/notifications/notifications.routes').then((m) => m.notificationsRoutes),
      },
      ...restrictedTo(Role.Admin, {
        path: 'mail-outbox',
        loadChildren: () => import('./features/notifications/mail-outbox.routes').then((m) => m.mailOutboxRoutes),
      }),
      {
        path: 'integrations',
        loadChildren: () => import('./features/integrations/integrations.routes').then((m) => m.integrationsRoutes),
      },
      ...restrictedTo(Role.Admin, {
        path: 'users',
        loadChildren: () => import('./features/users/users.routes').then((m) => m.usersRoutes),
      }),
      ...restrictedTo(Role.Admin, {
        path: 'api-keys',
        loadChildren: () => import('./features/api-keys/api-keys.routes').then((m) => m.apiKeysRoutes),
      }),
      {
        path: 'platform',
        canMatch: [platformAdminGuard],
        loadChildren: () => import('./features/platform/platform.routes').then((m) => m.platformRoutes),
      },
      ...restrictedTo(Role.Admin, {
        path: 'webhooks',
        loadChildren: () => import('./features/webhooks/webhooks.routes').then((m) => m.webhooksRoutes),
      }),
      ...restrictedTo(Role.Admin, {
        path: 'audit-log',
        loadChildren: () => import('./features/audit-log/audit-log.routes').then((m) => m.auditLogRoutes),
      }),
    ],
  },
  { path: '**', redirectTo: '' },
];
