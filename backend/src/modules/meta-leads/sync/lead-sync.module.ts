import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit';
import { LeadsModule } from '../../leads';
import { MetaAssetsModule } from '../../meta-assets';
import { MetaAuthModule } from '../../meta-auth';
import { MetaWebhookModule } from '../../meta-webhook';
import { OrganisationsModule } from '../../organisations';
import { LeadFetcher } from '../graph/lead-fetcher.service';
import { FormLeadCounts } from '../ingest/form-lead-counts';
import { LeadIngestService } from '../ingest/lead-ingest.service';
import { LeadStoreWriter } from '../ingest/lead-store-writer';
import { LeadTableStatistics } from '../ingest/lead-table-statistics';
import { MetaLeadSync } from './entities/meta-lead-sync.entity';
import { LeadFailureCounts } from './lead-failure-counts';
import { LeadPipelineSummaryService } from './lead-pipeline-summary.service';
import { LeadSyncQueryService } from './lead-sync-query.service';
import { LeadSyncReplayService } from './lead-sync-replay.service';
import { LeadSyncTimeline } from './lead-sync-timeline';
import { LeadSyncController } from './lead-sync.controller';
import { LeadSyncService } from './lead-sync.service';
import { LeadgenFieldHandler } from './leadgen-field-handler';
import { LeadgenJobHandler } from './leadgen.job-handler';
import { MetaActivityService } from './meta-activity.service';
import { ParkedLeadsOnReactivation } from './parked-leads-on-reactivation';
import { ParkedLeadsOnReconnect } from './parked-leads-on-reconnect';
import { PausedLeadJobs } from './paused-lead-jobs';

/**
 * The real-time lead pipeline: the webhook's `leadgen` changes become `leadgen` jobs (LeadgenFieldHandler), whose
 * handler fetches, maps and stores each lead exactly once; the per-lead timeline with failure handling (it closes the
 * deliveries through the inbox's repository), replays (also after a reconnect), and the lead-syncs and activity API.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MetaLeadSync]),
    MetaAuthModule,
    MetaAssetsModule,
    MetaWebhookModule,
    LeadsModule,
    OrganisationsModule,
    AuditModule,
  ],
  controllers: [LeadSyncController],
  providers: [
    LeadFetcher,
    LeadIngestService,
    LeadStoreWriter,
    FormLeadCounts,
    LeadTableStatistics,
    LeadSyncTimeline,
    LeadSyncService,
    LeadgenJobHandler,
    LeadSyncQueryService,
    LeadSyncReplayService,
    MetaActivityService,
    LeadPipelineSummaryService,
    PausedLeadJobs,
    ParkedLeadsOnReconnect,
    ParkedLeadsOnReactivation,
    LeadgenFieldHandler,
    LeadFailureCounts,
  ],
  exports: [LeadSyncReplayService, LeadIngestService, LeadFetcher, LeadFailureCounts],
})
export class LeadSyncModule {}
