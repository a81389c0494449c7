import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookInboxStatus } from '@legeai/contracts';
import { In, LessThan, Repository } from 'typeorm';
import { appConfig } from '../../config/app.config';
import { WebhookInboxEntry } from './entities/webhook-inbox-entry.entity';

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
    @InjectRepository(WebhookInboxEntry) private readonly inbox: Repository<WebhookInboxEntry>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.app.webhookInboxRetentionDays * 24 * 3600 * 1000);
    const result = await this.inbox.delete({ status: In(PRUNABLE), receivedAt: LessThan(cutoff) });
    const deleted = result.affected ?? 0;
    if (deleted) this.logger.log(`Pruned ${deleted} webhook inbox row(s) received before ${cutoff.toISOString()}`);
    return deleted;
  }
}
