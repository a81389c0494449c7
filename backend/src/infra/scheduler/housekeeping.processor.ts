import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { WebhookInboxRelayService } from '../../modules/meta-webhook/relay/webhook-inbox-relay.service';
import { WebhookInboxRetentionService } from '../../modules/meta-webhook/webhook-inbox-retention.service';
import { TokenReencryptionService } from '../crypto/token-reencryption.service';
import { QUEUES } from '../queue/queue-names';
import { WorkerProcessor } from '../queue/worker-processor.decorator';
import { HOUSEKEEPING_JOBS } from './schedules';

/**
 * Runs the maintenance jobs (the periodic ones, and the token re-encryption of a key rotation); each job name
 * delegates to the service that owns the data.
 */
@WorkerProcessor(QUEUES.housekeeping, { concurrency: 1 })
export class HousekeepingProcessor extends WorkerHost {
  private readonly logger = new Logger(HousekeepingProcessor.name);

  constructor(
    private readonly webhookInbox: WebhookInboxRetentionService,
    private readonly webhookRelay: WebhookInboxRelayService,
    private readonly tokenReencryption: TokenReencryptionService,
  ) {
    super();
  }

  async process(job: Job): Promise<object> {
    switch (job.name) {
      case HOUSEKEEPING_JOBS.pruneWebhookInbox:
        return { deleted: await this.webhookInbox.prune() };
      case HOUSEKEEPING_JOBS.relayWebhookInbox:
        return this.webhookRelay.run();
      case HOUSEKEEPING_JOBS.reencryptTokens:
        return this.tokenReencryption.reencryptAll();
      default:
        this.logger.warn(`Unknown housekeeping job "${job.name}"`);
        throw new UnrecoverableError(`Unknown housekeeping job "${job.name}"`);
    }
  }
}
