import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { LeadsModule } from '../leads';
import { MetaAssetsModule } from '../meta-assets';
import { MetaAuthModule } from '../meta-auth';
import { MetaConversionsController } from './api/meta-conversions.controller';
import { MetaCapiEvent } from './entities/meta-capi-event.entity';
import { MetaCapiSettings } from './entities/meta-capi-settings.entity';
import { CapiOutboxRepository } from './outbox/capi-outbox.repository';
import { CapiOutboxWriter } from './outbox/capi-outbox.writer';
import { CapiGraphApi } from './send/capi-graph.api';
import { CapiSendJobHandlers } from './send/capi-send.job-handlers';
import { CapiSenderService } from './send/capi-sender.service';
import { CapiSettingsRepository } from './setup/capi-settings.repository';
import { CapiSetupService } from './setup/capi-setup.service';
import { CapiEventsService } from './visibility/capi-events.service';
import { ConversionsPerCampaign } from './visibility/conversions-per-campaign';

/**
 * MetaConversions: lead stages sent back to Meta through the Conversions API for CRM. The outbox is written in the
 * transaction of each change (CapiOutboxWriter, a listener of the lead store's LeadLifecycleHooks), sent after
 * commit and by a sweep through its queue (meta-conversions.jobs.ts), and shown to the console (setup, events,
 * overview, replay). It offers `ConversionsPerCampaign` (events per campaign's leads) to the insights dashboard.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MetaCapiSettings, MetaCapiEvent]), LeadsModule, MetaAuthModule, MetaAssetsModule, AuditModule],
  controllers: [MetaConversionsController],
  providers: [
    CapiOutboxRepository,
    CapiOutboxWriter,
    CapiGraphApi,
    CapiSenderService,
    CapiSendJobHandlers,
    CapiSettingsRepository,
    CapiSetupService,
    CapiEventsService,
    ConversionsPerCampaign,
  ],
  exports: [ConversionsPerCampaign],
})
export class MetaConversionsModule {}
