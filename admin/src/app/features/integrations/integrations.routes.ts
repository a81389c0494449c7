import { Routes } from '@angular/router';

import { unsavedChangesGuard } from './lead-form-mapping/unsaved-changes-guard';

export const integrationsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'meta' },
  {
    path: 'meta',
    title: 'Meta integration · LEGEAI Meta Connect',
    loadComponent: () => import('./meta-integration-page/meta-integration-page').then((m) => m.MetaIntegrationPage),
  },
  {
    path: 'meta/forms/:id/mapping',
    title: 'Lead form mapping · LEGEAI Meta Connect',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./lead-form-mapping/lead-form-mapping-page').then((m) => m.LeadFormMappingPage),
  },
];
