import { Routes } from '@angular/router';

export const catalogRoutes: Routes = [
  {
    path: '',
    title: 'Catalog · LEGEAI Meta Connect',
    loadComponent: () => import('./catalog-page/catalog-page').then((m) => m.CatalogPage),
  },
];
