import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../../infra/metrics/metrics.module';
import { MetaAssetsModule } from '../meta-assets';
import { MetaAuthModule } from '../meta-auth';
import { WebhookInboxEntry } from './entities/webhook-inbox-entry.entity';
import { WebhookFieldHandlers } from './fields/webhook-field-handler';
import { LastWebhookConnection } from './health/last-webhook.connection';
import { WebhookInboxRepository } from './inbox/webhook-inbox.repository';
import { WebhookAfterAck } from './ingest/webhook-after-ack.service';
import { WebhookDispatchService } from './ingest/webhook-dispatch.service';
import { WebhookIngestService } from './ingest/webhook-ingest.service';
import { MetaWebhookController } from './meta-webhook.controller';
import { EnqueuedInboxCheck } from './relay/enqueued-inbox-check.service';
import { WebhookInboxRelayService } from './relay/webhook-inbox-relay.service';
import { WebhookFastRoute } from './webhook-fast-route';
import { WebhookInboxJobHandlers } from './webhook-inbox.job-handlers';
import { WebhookInboxRetentionService } from './webhook-inbox-retention.service';

/**
 * MetaWebhook, Meta's webhook: the GET handshake and the signed POST (answered by a fast route in front of Fastify),
 * storage in the inbox before the answer (WebhookInboxRepository holds every statement on it), the dispatch of each
 * change to the handler of its field after the answer (WebhookFieldHandlers: lead capture handles `leadgen`), the
 * relay for deliveries stored while the queue was down (and the check that keeps queued deliveries true to their
 * work), and retention; the last two are the jobs of its queue (meta-webhook.jobs.ts). Ad assets tell connected Pages from unknown ones; the connection's health card shows the last
 * delivery (LastWebhookConnection). It knows nothing of leads: the field's handler does.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookInboxEntry]), DiscoveryModule, MetricsModule, MetaAuthModule, MetaAssetsModule],
  controllers: [MetaWebhookController],
  providers: [
    WebhookInboxRepository,
    WebhookFieldHandlers,
    WebhookFastRoute,
    WebhookInboxRetentionService,
    WebhookDispatchService,
    WebhookAfterAck,
    WebhookIngestService,
    EnqueuedInboxCheck,
    WebhookInboxRelayService,
    LastWebhookConnection,
    WebhookInboxJobHandlers,
  ],
  exports: [WebhookInboxRepository],
})
export class MetaWebhookModule {}
