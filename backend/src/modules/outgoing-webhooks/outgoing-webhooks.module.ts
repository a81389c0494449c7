import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { LeadsModule } from '../leads';
import { OutgoingWebhooksController } from './api/outgoing-webhooks.controller';
import { EndpointDisabledHooks } from './delivery/endpoint-disabled-hooks';
import { WebhookDeliveriesService } from './delivery/webhook-deliveries.service';
import { WebhookDeliveryJobHandlers } from './delivery/webhook-delivery.job-handlers';
import { WebhookDeliveryQueue } from './delivery/webhook-delivery.queue';
import { WebhookDeliveryService } from './delivery/webhook-delivery.service';
import { WebhookHttpSender } from './delivery/webhook-http-sender';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { WebhookSecrets } from './endpoints/webhook-secrets';
import { WebhookOutboxRepository } from './outbox/webhook-outbox.repository';
import { WebhookOutboxWriter } from './outbox/webhook-outbox.writer';

/**
 * OutgoingWebhooks: lead events pushed to the HTTPS endpoints an organisation's admins register. The outbox is
 * written in the transaction of each lead change (WebhookOutboxWriter, a listener of the lead store's
 * LeadLifecycleHooks); deliveries are signed and sent through its queue (outgoing-webhooks.jobs.ts), retried with
 * backoff from the outbox, swept after a crash, and shown to admins (endpoints, delivery log, test, replay).
 */
@Module({
  imports: [LeadsModule, AuditModule],
  controllers: [OutgoingWebhooksController],
  providers: [
    WebhookEndpointsRepository,
    WebhookEndpointsService,
    WebhookSecrets,
    WebhookOutboxRepository,
    WebhookOutboxWriter,
    WebhookDeliveryQueue,
    WebhookDeliveryService,
    WebhookDeliveryJobHandlers,
    WebhookDeliveriesService,
    WebhookHttpSender,
    EndpointDisabledHooks,
  ],
  exports: [EndpointDisabledHooks, WebhookEndpointsRepository],
})
export class OutgoingWebhooksModule {}
