import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { OUTGOING_WEBHOOKS_JOBS, OUTGOING_WEBHOOKS_QUEUE, type DeliverEndpointJobData } from '../outgoing-webhooks.jobs';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Thin: the sweep queues sends, a send sends one endpoint's due deliveries (their retries are the outbox's). */
@Injectable()
export class WebhookDeliveryJobHandlers {
  constructor(private readonly delivery: WebhookDeliveryService) {}

  @JobHandler(OUTGOING_WEBHOOKS_QUEUE, OUTGOING_WEBHOOKS_JOBS.sweep)
  sweep(): Promise<object> {
    return this.delivery.sweep();
  }

  @JobHandler(OUTGOING_WEBHOOKS_QUEUE, OUTGOING_WEBHOOKS_JOBS.deliver)
  deliver(job: Job<DeliverEndpointJobData>): Promise<object> {
    return this.delivery.deliverEndpoint(job.data.endpointId);
  }
}
