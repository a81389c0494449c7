import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { MetaAssetsModule } from '../meta-assets';
import { MetaAuthModule } from '../meta-auth';
import { AdObjectListsService } from './ad-object-lists.service';
import { AdsSettingsService } from './ads-settings.service';
import { MetaAdsController } from './api/meta-ads.controller';
import { LeadCampaignCreator } from './create/lead-campaign-creator.service';
import { LeadCampaignDrafts } from './create/lead-campaign-drafts.service';
import { MetaAd } from './entities/meta-ad.entity';
import { MetaAdSet } from './entities/meta-ad-set.entity';
import { MetaAdsIdempotency } from './entities/meta-ads-idempotency.entity';
import { MetaAdsSettings } from './entities/meta-ads-settings.entity';
import { MetaAdsSyncState } from './entities/meta-ads-sync-state.entity';
import { MetaCampaign } from './entities/meta-campaign.entity';
import { AdsGraphApi } from './graph/ads-graph.api';
import { AdObjectResultsRegistry } from './mirror/ad-object-results';
import { AdObjectsRepository } from './repositories/ad-objects.repository';
import { AdsSettingsRepository } from './repositories/ads-settings.repository';
import { AdsSyncStateRepository } from './repositories/ads-sync-state.repository';
import { IdempotencyRepository } from './repositories/idempotency.repository';
import { AdsMirrorConnection } from './sync/ads-mirror.connection';
import { AdsSyncJobHandlers } from './sync/ads-sync.job-handlers';
import { AdsSyncService } from './sync/ads-sync.service';
import { AdObjectReadBack } from './writes/ad-object-read-back';
import { AdObjectWritesService } from './writes/ad-object-writes.service';
import { AdsWriteSessions } from './writes/ads-write-session';
import { IdempotencyService } from './writes/idempotency.service';

/**
 * MetaAds: the mirror of the connected ad accounts' campaigns, ad sets and ads (synced on connect, hourly and on
 * demand through its queue, meta-ads.jobs.ts), the lead campaign creation, edits, pause and resume, the insurance
 * guardrails (guardrails/) and the idempotency of writes. Joins the connection's lifecycle (AdsMirrorConnection).
 * Spend and leads per object come from MetaInsights through `AdObjectResultsRegistry` (exported).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MetaCampaign, MetaAdSet, MetaAd, MetaAdsSyncState, MetaAdsSettings, MetaAdsIdempotency]),
    MetaAuthModule,
    MetaAssetsModule,
    AuditModule,
  ],
  controllers: [MetaAdsController],
  providers: [
    AdsGraphApi,
    AdObjectsRepository,
    AdsSyncStateRepository,
    AdsSettingsRepository,
    IdempotencyRepository,
    AdsSyncService,
    AdsSyncJobHandlers,
    AdsMirrorConnection,
    AdObjectListsService,
    AdsSettingsService,
    AdsWriteSessions,
    AdObjectReadBack,
    AdObjectWritesService,
    IdempotencyService,
    LeadCampaignDrafts,
    LeadCampaignCreator,
    AdObjectResultsRegistry,
  ],
  exports: [AdObjectResultsRegistry, AdsSyncStateRepository],
})
export class MetaAdsModule {}
