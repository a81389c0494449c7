import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { WebhookInboxStatus } from '@legeai/contracts';
import { appConfig } from '../../config/app.config';
import { WebhookInboxRepository } from './inbox/webhook-inbox.repository';

/**
 * Statuses whose rows are finished with; failed rows are kept for investigation and replay. Quarantined rows have
 * nothing to replay: their raw bytes are kept for the retention period for a look, then pruned like the others.
 */
const PRUNABLE = [WebhookInboxStatus.Processed, WebhookInboxStatus.Ignored, WebhookInboxStatus.Quarantined];

/** Deletes inbox rows that were handled more than WEBHOOK_INBOX_RETENTION_DAYS ago. */
@Injectable()
export class WebhookInboxRetentionService {
  private readonly logger = new Logger(WebhookInboxRetentionService.name);

  constructor(
    private readonly inbox: WebhookInboxRepository,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.app.webhookInboxRetentionDays * 24 * 3600 * 1000);
    const deleted = await this.inbox.deleteReceivedBefore(PRUNABLE, cutoff);
    if (deleted) this.logger.log(`Pruned ${deleted} webhook inbox row(s) received before ${cutoff.toISOString()}`);
    return deleted;
  }
}
