import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  deliverEndpointJobOptions,
  OUTGOING_WEBHOOKS_JOBS,
  OUTGOING_WEBHOOKS_QUEUE_NAME,
  type DeliverEndpointJobData,
} from '../outgoing-webhooks.jobs';
import type { EndpointTarget } from '../outbox/webhook-outbox.repository';

/** Queues the sends of endpoints: at most one waits and one runs per endpoint, however many events came. */
@Injectable()
export class WebhookDeliveryQueue {
  constructor(@InjectQueue(OUTGOING_WEBHOOKS_QUEUE_NAME) private readonly queue: Queue) {}

  async enqueue(targets: readonly EndpointTarget[], reason: DeliverEndpointJobData['reason']): Promise<void> {
    if (targets.length === 0) return;
    await this.queue.addBulk(
      targets.map((t) => ({
        name: OUTGOING_WEBHOOKS_JOBS.deliver,
        data: { organisationId: t.organisationId, endpointId: t.endpointId, reason } satisfies DeliverEndpointJobData,
        opts: deliverEndpointJobOptions(t.endpointId),
      })),
    );
  }
}
