import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../infra/queue/job-handler.decorator';
import { META_WEBHOOK_JOBS, META_WEBHOOK_QUEUE } from './meta-webhook.jobs';
import { WebhookInboxRelayService } from './relay/webhook-inbox-relay.service';
import { WebhookInboxRetentionService } from './webhook-inbox-retention.service';

/** The inbox's scheduled jobs; each delegates to the service that owns the work. */
@Injectable()
export class WebhookInboxJobHandlers {
  constructor(
    private readonly relay: WebhookInboxRelayService,
    private readonly retention: WebhookInboxRetentionService,
  ) {}

  @JobHandler(META_WEBHOOK_QUEUE, META_WEBHOOK_JOBS.relayInbox)
  relayInbox(): Promise<object> {
    return this.relay.run();
  }

  @JobHandler(META_WEBHOOK_QUEUE, META_WEBHOOK_JOBS.pruneInbox)
  async pruneInbox(): Promise<{ deleted: number }> {
    return { deleted: await this.retention.prune() };
  }
}
