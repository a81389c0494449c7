import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  WEBHOOK_TEST_EVENT_TYPE,
  type Page,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryListQuery,
  type WebhookTestEvent,
} from '@legeai/contracts';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { pageOf } from '../../../common/paging/page-query.dto';
import { AuditService } from '../../audit';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { WebhookOutboxRepository, type DeliveryRow } from '../outbox/webhook-outbox.repository';
import { WebhookDeliveryService } from './webhook-delivery.service';

const deliveryNotFound = (id: string) => new ApiError(404, ErrorCode.NotFound, `Webhook delivery ${id} not found`);

/** The delivery log (each attempt's request and answer), "send test event" and replay. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly endpoints: WebhookEndpointsService,
    private readonly delivery: WebhookDeliveryService,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string, query: WebhookDeliveryListQuery): Promise<Page<WebhookDeliveryDto>> {
    const page = pageOf(query);
    const { items, total } = await this.outbox.list(organisationId, query, page);
    return { items: items.map(deliveryDto), total, ...page };
  }

  async detail(organisationId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    const row = await this.outbox.find(organisationId, id);
    if (!row) throw deliveryNotFound(id);
    const { body, attempts } = await this.outbox.attempts(organisationId, id);
    return {
      ...deliveryDto(row),
      attemptLog: attempts.map((a) => ({
        id: a.id,
        at: a.at.toISOString(),
        durationMs: a.durationMs,
        request: { url: a.url, headers: a.requestHeaders, body },
        response: a.responseStatus === null ? null : { status: a.responseStatus, bodyExcerpt: a.responseBodyExcerpt ?? '' },
        error: a.error,
        success: a.success,
      })),
    };
  }

  /** A `webhook.test` event sent now (one attempt, enabled or not; it never disables the endpoint); answers its delivery. */
  async sendTest(principal: Principal, endpointId: string): Promise<WebhookDeliveryDetailDto> {
    const endpoint = await this.endpoints.require(principal.organisationId, endpointId);
    const deliveryId = await this.outbox.writeTestEvent(principal.organisationId, endpointId, (eventId, createdAt) =>
      JSON.stringify({
        id: eventId,
        type: WEBHOOK_TEST_EVENT_TYPE,
        createdAt,
        organisationId: principal.organisationId,
        data: { endpointId, message: 'A test event sent from LegeAI: your endpoint is reachable and can verify signatures.' },
      } satisfies WebhookTestEvent),
    );
    await this.delivery.attemptNow(endpoint, deliveryId);
    await this.audit.recordBy(principal, 'outgoing_webhook.test_sent', { type: 'outgoing_webhook_endpoint', id: endpointId });
    return this.detail(principal.organisationId, deliveryId);
  }

  /**
   * Sends a delivery again now with the same event id and body, and a fresh count of attempts (its retries follow if
   * this one fails). The endpoint must be enabled, except for a test delivery.
   */
  async replay(principal: Principal, id: string): Promise<WebhookDeliveryDetailDto> {
    const row = await this.outbox.find(principal.organisationId, id);
    if (!row) throw deliveryNotFound(id);
    const endpoint = await this.endpoints.require(principal.organisationId, row.endpointId);
    if (!endpoint.enabled && !row.test) {
      throw new ApiError(409, ErrorCode.Conflict, 'The endpoint is disabled: enable it before replaying its deliveries', {
        endpointId: endpoint.id,
      });
    }
    await this.outbox.resetForReplay(principal.organisationId, id);
    await this.delivery.attemptNow(endpoint, id);
    await this.audit.recordBy(
      principal,
      'outgoing_webhook.delivery_replayed',
      { type: 'outgoing_webhook_delivery', id },
      { eventId: row.eventId, endpointId: row.endpointId },
    );
    return this.detail(principal.organisationId, id);
  }
}

export function deliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    endpointId: row.endpointId,
    endpointUrl: row.endpointUrl,
    eventId: row.eventId,
    eventType: row.eventType,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    test: row.test,
    createdAt: row.createdAt.toISOString(),
  };
}
