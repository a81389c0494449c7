import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../../infra/metrics/metrics.module';
import { MetaPage } from '../meta-assets';
import { MetaAuthModule } from '../meta-auth';
import { WebhookInboxEntry } from './entities/webhook-inbox-entry.entity';
import { LastWebhookConnection } from './health/last-webhook.connection';
import { WebhookInboxRepository } from './inbox/webhook-inbox.repository';
import { WebhookAfterAck } from './ingest/webhook-after-ack.service';
import { WebhookDispatchService } from './ingest/webhook-dispatch.service';
import { WebhookIngestService } from './ingest/webhook-ingest.service';
import { MetaWebhookController } from './meta-webhook.controller';
import { EnqueuedInboxCheck } from './relay/enqueued-inbox-check.service';
import { WebhookInboxRelayService } from './relay/webhook-inbox-relay.service';
import { WebhookFastRoute } from './webhook-fast-route';
import { WebhookInboxRetentionService } from './webhook-inbox-retention.service';

/**
 * The inbox of Meta webhook deliveries: the signed POST endpoint, storage before the answer, one lead job per
 * leadgen change on `QUEUES.metaWebhook` (payload: jobs/leadgen-job.ts), the relay for deliveries stored while the
 * queue was down (and the check that keeps queued deliveries true to their leads), and retention. Meta pages are read
 * to tell connected Pages from unknown ones; the lead timeline only to tell whether a delivery's leads are done.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookInboxEntry, MetaPage]), MetricsModule, MetaAuthModule],
  controllers: [MetaWebhookController],
  providers: [
    WebhookInboxRepository,
    WebhookFastRoute,
    WebhookInboxRetentionService,
    WebhookDispatchService,
    WebhookAfterAck,
    WebhookIngestService,
    EnqueuedInboxCheck,
    WebhookInboxRelayService,
    LastWebhookConnection,
  ],
  exports: [TypeOrmModule, WebhookInboxRetentionService, WebhookInboxRelayService],
})
export class MetaWebhookModule {}
