import { Routes } from '@angular/router';
import { Role } from '@legeai/contracts';

import { restrictedTo } from '../../core/auth/role-guard';

export const adsRoutes: Routes = [
  {
    path: '',
    title: 'Ads · LEGEAI Meta Connect',
    loadComponent: () => import('./campaigns-page/campaigns-page').then((m) => m.CampaignsPage),
  },
  // Creating spends money: viewers get the not-allowed page, which says who can.
  ...restrictedTo(
    Role.Manager,
    {
      path: 'new',
      title: 'New lead campaign · LEGEAI Meta Connect',
      loadComponent: () => import('./create-campaign-page/create-campaign-page').then((m) => m.CreateCampaignPage),
    },
    'New lead campaign',
  ),
  {
    path: 'campaigns/:id',
    title: 'Campaign · LEGEAI Meta Connect',
    loadComponent: () => import('./campaign-detail-page/campaign-detail-page').then((m) => m.CampaignDetailPage),
  },
];
