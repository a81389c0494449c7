import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type CreatedWebhookEndpointDto,
  type CreateWebhookEndpointRequest,
  type RotatedWebhookSecretDto,
  type UpdateWebhookEndpointRequest,
  type WebhookEndpointDto,
} from '@legeai/contracts';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../common/auth/principal';
import { ApiError, ValidationFailedError } from '../../../common/errors/api-error';
import { outgoingWebhooksConfig } from '../../../config/outgoing-webhooks.config';
import { AuditService } from '../../audit';
import { urlProblem } from '../delivery/target-address-policy';
import { WebhookDeliveryQueue } from '../delivery/webhook-delivery.queue';
import { WebhookOutboxRepository } from '../outbox/webhook-outbox.repository';
import { WebhookEndpointsRepository, type EndpointRow } from './webhook-endpoints.repository';
import { newWebhookSecret, WebhookSecrets } from './webhook-secrets';

export const endpointNotFound = (id: string) => new ApiError(404, ErrorCode.NotFound, `Webhook endpoint ${id} not found`);

/** An organisation's endpoints: registration, edits, enabling and disabling, secret rotation; every change audited. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly outbox: WebhookOutboxRepository,
    private readonly secrets: WebhookSecrets,
    private readonly queue: WebhookDeliveryQueue,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(outgoingWebhooksConfig.KEY) private readonly config: ConfigType<typeof outgoingWebhooksConfig>,
  ) {}

  async list(organisationId: string): Promise<WebhookEndpointDto[]> {
    return (await this.endpoints.list(organisationId)).map(endpointDto);
  }

  async get(organisationId: string, id: string): Promise<WebhookEndpointDto> {
    return endpointDto(await this.require(organisationId, id));
  }

  /** Another organisation's endpoint answers exactly like a missing one. */
  async require(organisationId: string, id: string): Promise<EndpointRow> {
    const row = await this.endpoints.find(organisationId, id);
    if (!row) throw endpointNotFound(id);
    return row;
  }

  /** Registers an endpoint; its secret is in this answer only. */
  async create(principal: Principal, request: CreateWebhookEndpointRequest): Promise<CreatedWebhookEndpointDto> {
    this.checkUrl(request.url);
    const id = randomUUID();
    const secret = newWebhookSecret();
    const row = await this.endpoints.insert({
      id,
      organisationId: principal.organisationId,
      url: request.url,
      description: request.description ?? null,
      eventTypes: [...new Set(request.eventTypes)],
      secret: this.secrets.encrypt(id, secret),
      createdBy: principal.kind === 'user' ? principal.id : null,
    });
    await this.audit.recordBy(
      principal,
      'outgoing_webhook.endpoint_created',
      { type: 'outgoing_webhook_endpoint', id },
      { after: { url: row.url, eventTypes: row.eventTypes, description: row.description } },
    );
    return { ...endpointDto(row), secret };
  }

  async update(principal: Principal, id: string, request: UpdateWebhookEndpointRequest): Promise<WebhookEndpointDto> {
    if (request.url !== undefined) this.checkUrl(request.url);
    return this.db.transaction(async (m) => {
      const before = await this.endpoints.find(principal.organisationId, id, m, true);
      if (!before) throw endpointNotFound(id);
      const after = await this.endpoints.update(m, principal.organisationId, id, {
        url: request.url,
        description: request.description,
        eventTypes: request.eventTypes && [...new Set(request.eventTypes)],
      });
      await this.audit.recordBy(
        principal,
        'outgoing_webhook.endpoint_updated',
        { type: 'outgoing_webhook_endpoint', id },
        {
          before: { url: before.url, eventTypes: before.eventTypes, description: before.description },
          after: { url: after.url, eventTypes: after.eventTypes, description: after.description },
        },
        m,
      );
      return endpointDto(after);
    });
  }

  /** Enables a disabled endpoint: its waiting deliveries are due at once, and its failing streak starts over. */
  async enable(principal: Principal, id: string): Promise<WebhookEndpointDto> {
    const row = await this.db.transaction(async (m) => {
      const before = await this.endpoints.find(principal.organisationId, id, m, true);
      if (!before) throw endpointNotFound(id);
      const after = await this.endpoints.setEnabled(m, principal.organisationId, id, true, null);
      await this.outbox.resume(m, id);
      await this.audit.recordBy(
        principal,
        'outgoing_webhook.endpoint_enabled',
        { type: 'outgoing_webhook_endpoint', id },
        { disabledReason: before.disabledReason },
        m,
      );
      return after;
    });
    await this.queue.enqueue([{ organisationId: row.organisationId, endpointId: row.id }], 'enable');
    return endpointDto(row);
  }

  /** Disables an endpoint: no events are written for it and its waiting deliveries wait until it is enabled again. */
  async disable(principal: Principal, id: string, reason?: string): Promise<WebhookEndpointDto> {
    return this.db.transaction(async (m) => {
      if (!(await this.endpoints.find(principal.organisationId, id, m, true))) throw endpointNotFound(id);
      const why = reason?.trim() || 'Disabled by an admin';
      const after = await this.endpoints.setEnabled(m, principal.organisationId, id, false, why);
      await this.audit.recordBy(
        principal,
        'outgoing_webhook.endpoint_disabled',
        { type: 'outgoing_webhook_endpoint', id },
        { reason: why },
        m,
      );
      return endpointDto(after);
    });
  }

  /**
   * A new secret, in this answer only; the old one keeps signing beside it (a second `v1`) for the overlap, so
   * receivers can switch without dropping a delivery. A rotation during an overlap ends the older secret at once.
   */
  async rotateSecret(principal: Principal, id: string, overlapHours?: number): Promise<RotatedWebhookSecretDto> {
    const hours = overlapHours ?? this.config.rotationOverlapHours;
    const secret = newWebhookSecret();
    const row = await this.db.transaction(async (m) => {
      const before = await this.endpoints.find(principal.organisationId, id, m, true);
      if (!before) throw endpointNotFound(id);
      const expires = hours > 0 ? new Date(Date.now() + hours * 3_600_000) : null;
      const after = await this.endpoints.rotateSecret(
        m,
        principal.organisationId,
        id,
        this.secrets.encrypt(id, secret),
        expires ? this.secrets.current(before) : null,
        expires,
      );
      await this.audit.recordBy(
        principal,
        'outgoing_webhook.secret_rotated',
        { type: 'outgoing_webhook_endpoint', id },
        { overlapHours: hours },
        m,
      );
      return after;
    });
    return { secret, previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await this.endpoints.find(principal.organisationId, id, m, true);
      if (!before) throw endpointNotFound(id);
      await this.endpoints.delete(m, principal.organisationId, id);
      await this.audit.recordBy(
        principal,
        'outgoing_webhook.endpoint_deleted',
        { type: 'outgoing_webhook_endpoint', id },
        { before: { url: before.url, eventTypes: before.eventTypes } },
        m,
      );
    });
  }

  private checkUrl(url: string): void {
    const problem = urlProblem(url, this.config);
    if (problem) throw new ValidationFailedError([{ field: 'url', messages: [`url ${problem}`] }]);
  }
}

export function endpointDto(row: EndpointRow): WebhookEndpointDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: iso(row.disabledAt),
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? iso(row.previousSecretExpiresAt) : null,
    secretRotatedAt: iso(row.secretRotatedAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    failingSince: iso(row.failingSince),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
