/** MetaAds: what other modules (and the composition root) may use of it. */
export { MetaAdsModule } from './meta-ads.module';
export { AdsSyncStateRepository } from './repositories/ads-sync-state.repository';
export {
  META_ADS_JOBS,
  META_ADS_QUEUE,
  META_ADS_QUEUE_NAME,
  META_ADS_SCHEDULES,
  type MetaAdsJobs,
  type SyncAccountJobData,
} from './meta-ads.jobs';
export { AdObjectResultsRegistry, type AdResultsLevel, type AdResultsSource } from './mirror/ad-object-results';
export { adObjectNamesSql, campaignAccountsSql, type MirroredLevel } from './repositories/ad-objects.sql';
