import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CatalogImportReport,
  CatalogLinkDto,
  CatalogProductDto,
  CatalogProductRequest,
  CatalogSyncDto,
  MetaCatalogDto,
  Page,
  ROUTES,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

const R = ROUTES.catalog;

/** The catalog API; every read and write here shows its own errors (page states, dialogs). */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/${R.base}`;

  products(limit = 200, offset = 0): Observable<Page<CatalogProductDto>> {
    return this.http.get<Page<CatalogProductDto>>(`${this.url}/${R.products}`, { params: { limit, offset }, context: showsOwnErrors() });
  }

  createProduct(body: CatalogProductRequest): Observable<CatalogProductDto> {
    return this.http.post<CatalogProductDto>(`${this.url}/${R.products}`, body, { context: showsOwnErrors() });
  }

  updateProduct(id: string, body: Partial<CatalogProductRequest>): Observable<CatalogProductDto> {
    return this.http.patch<CatalogProductDto>(`${this.url}/${R.products}/${encodeURIComponent(id)}`, body, { context: showsOwnErrors() });
  }

  deleteProduct(id: string): Observable<void> {
    return this.http.delete<void>(`${this.url}/${R.products}/${encodeURIComponent(id)}`);
  }

  importCsv(text: string): Observable<CatalogImportReport> {
    return this.http.post<CatalogImportReport>(`${this.url}/${R.productsImport}`, text, {
      headers: new HttpHeaders({ 'content-type': 'text/csv' }),
      context: showsOwnErrors(),
    });
  }

  catalogs(): Observable<MetaCatalogDto[]> {
    return this.http.get<MetaCatalogDto[]>(`${this.url}/${R.catalogs}`, { context: showsOwnErrors() });
  }

  link(): Observable<CatalogLinkDto> {
    return this.http.get<CatalogLinkDto>(`${this.url}/${R.link}`, { context: showsOwnErrors() });
  }

  setLink(catalogId: string): Observable<CatalogLinkDto> {
    return this.http.put<CatalogLinkDto>(`${this.url}/${R.link}`, { catalogId }, { context: showsOwnErrors() });
  }

  syncs(limit = 10): Observable<Page<CatalogSyncDto>> {
    return this.http.get<Page<CatalogSyncDto>>(`${this.url}/${R.syncs}`, { params: { limit }, context: showsOwnErrors() });
  }

  sync(id: string): Observable<CatalogSyncDto> {
    return this.http.get<CatalogSyncDto>(`${this.url}/${R.syncs}/${encodeURIComponent(id)}`, { context: showsOwnErrors() });
  }

  syncNow(): Observable<CatalogSyncDto> {
    return this.http.post<CatalogSyncDto>(`${this.url}/${R.syncs}`, {});
  }

  confirm(id: string): Observable<CatalogSyncDto> {
    return this.http.post<CatalogSyncDto>(`${this.url}/${R.syncs}/${encodeURIComponent(id)}/${R.confirm}`, {});
  }

  cancel(id: string): Observable<CatalogSyncDto> {
    return this.http.post<CatalogSyncDto>(`${this.url}/${R.syncs}/${encodeURIComponent(id)}/${R.cancel}`, {});
  }
}
