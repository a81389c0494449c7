import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhookInboxEntry } from './entities/webhook-inbox-entry.entity';
import { WebhookInboxRetentionService } from './webhook-inbox-retention.service';

/** The inbox of Meta webhook deliveries. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookInboxEntry])],
  providers: [WebhookInboxRetentionService],
  exports: [TypeOrmModule, WebhookInboxRetentionService],
})
export class MetaWebhookModule {}
