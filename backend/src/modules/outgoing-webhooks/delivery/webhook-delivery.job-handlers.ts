import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Job } from 'bullmq';
import { outgoingWebhooksConfig } from '../../../config/outgoing-webhooks.config';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { OUTGOING_WEBHOOKS_JOBS, OUTGOING_WEBHOOKS_QUEUE, type DeliverEndpointJobData } from '../outgoing-webhooks.jobs';
import { WebhookOutboxRepository } from '../outbox/webhook-outbox.repository';
import { WebhookDeliveryService } from './webhook-delivery.service';

/**
 * Thin: the sweep queues sends, a send sends one endpoint's due deliveries (their retries are the outbox's), the
 * prune deletes finished deliveries past the retention.
 */
@Injectable()
export class WebhookDeliveryJobHandlers {
  constructor(
    private readonly delivery: WebhookDeliveryService,
    private readonly outbox: WebhookOutboxRepository,
    @Inject(outgoingWebhooksConfig.KEY) private readonly config: ConfigType<typeof outgoingWebhooksConfig>,
  ) {}

  @JobHandler(OUTGOING_WEBHOOKS_QUEUE, OUTGOING_WEBHOOKS_JOBS.sweep)
  sweep(): Promise<object> {
    return this.delivery.sweep();
  }

  @JobHandler(OUTGOING_WEBHOOKS_QUEUE, OUTGOING_WEBHOOKS_JOBS.deliver)
  deliver(job: Job<DeliverEndpointJobData>): Promise<object> {
    return this.delivery.deliverEndpoint(job.data.endpointId);
  }

  @JobHandler(OUTGOING_WEBHOOKS_QUEUE, OUTGOING_WEBHOOKS_JOBS.prune)
  prune(): Promise<object> {
    return this.outbox.prune(this.config.retentionDays);
  }
}
