import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookEndpointRequest,
  Page,
  RotatedWebhookSecretDto,
  ROUTES,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDetailDto,
  WebhookDeliveryDto,
  WebhookDeliveryListQuery,
  WebhookEndpointDto,
} from '@legeai/contracts';
import { Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/api/api-base-url';
import { showsOwnErrors } from '../../../core/api/http-context';

const R = ROUTES.outgoingWebhooks;

/** The outgoing webhooks API: endpoints, their secrets, test events and the delivery log (admins only). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/${R.base}`;
  private readonly endpointsUrl = `${this.base}/${R.endpoints}`;
  private readonly deliveriesUrl = `${this.base}/${R.deliveries}`;

  /** Errors are shown by the page's error state. */
  endpoints(): Observable<WebhookEndpointDto[]> {
    return this.http.get<WebhookEndpointDto[]>(this.endpointsUrl, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  create(request: CreateWebhookEndpointRequest): Observable<CreatedWebhookEndpointDto> {
    return this.http.post<CreatedWebhookEndpointDto>(this.endpointsUrl, request, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  update(id: string, request: UpdateWebhookEndpointRequest): Observable<WebhookEndpointDto> {
    return this.http.patch<WebhookEndpointDto>(this.endpoint(id), request, { context: showsOwnErrors() });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(this.endpoint(id));
  }

  enable(id: string): Observable<WebhookEndpointDto> {
    return this.http.post<WebhookEndpointDto>(`${this.endpoint(id)}/${R.enable}`, {});
  }

  disable(id: string, reason?: string): Observable<WebhookEndpointDto> {
    return this.http.post<WebhookEndpointDto>(`${this.endpoint(id)}/${R.disable}`, reason ? { reason } : {});
  }

  rotateSecret(id: string, overlapHours: number): Observable<RotatedWebhookSecretDto> {
    return this.http.post<RotatedWebhookSecretDto>(`${this.endpoint(id)}/${R.rotateSecret}`, { overlapHours });
  }

  sendTest(id: string): Observable<WebhookDeliveryDetailDto> {
    return this.http.post<WebhookDeliveryDetailDto>(`${this.endpoint(id)}/${R.test}`, {});
  }

  /** Errors are shown by the page's error state. */
  deliveries(query: WebhookDeliveryListQuery): Observable<Page<WebhookDeliveryDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get<Page<WebhookDeliveryDto>>(this.deliveriesUrl, { params, context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  delivery(id: string): Observable<WebhookDeliveryDetailDto> {
    return this.http.get<WebhookDeliveryDetailDto>(`${this.deliveriesUrl}/${encodeURIComponent(id)}`, { context: showsOwnErrors() });
  }

  /** Errors are shown inside the dialog. */
  replay(id: string): Observable<WebhookDeliveryDetailDto> {
    return this.http.post<WebhookDeliveryDetailDto>(
      `${this.deliveriesUrl}/${encodeURIComponent(id)}/${R.replay}`,
      {},
      { context: showsOwnErrors() },
    );
  }

  private endpoint(id: string): string {
    return `${this.endpointsUrl}/${encodeURIComponent(id)}`;
  }
}
