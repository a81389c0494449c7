import type { JobsOptions } from 'bullmq';
import { adsConfig } from '../../config/ads.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** MetaAds' queue: the mirror's syncs. */
export const META_ADS_QUEUE_NAME = 'meta-ads';

export const META_ADS_JOBS = {
  /** Scheduled: queues one `sync-account` per active ad account of every live connection. */
  syncAll: 'sync-all',
  /** One ad account's full sync; queued by `sync-all`, on connect and on demand. */
  syncAccount: 'sync-account',
} as const;

export interface SyncAccountJobData {
  organisationId: string;
  /** `act_…`. */
  adAccountId: string;
  /** Why it was queued, for Bull Board and the logs. */
  reason: 'connect' | 'schedule' | 'on_demand';
}

export interface MetaAdsJobs {
  [META_ADS_JOBS.syncAll]: Record<string, never>;
  [META_ADS_JOBS.syncAccount]: SyncAccountJobData;
}

/** Two accounts sync at once per process: each holds one Graph request in flight at a time. */
export const META_ADS_QUEUE = declareQueue<MetaAdsJobs>({
  name: META_ADS_QUEUE_NAME,
  jobs: {
    [META_ADS_JOBS.syncAll]: { concurrency: 1 },
    [META_ADS_JOBS.syncAccount]: { concurrency: 2 },
  },
});

/**
 * At most one sync of an account waits and one runs, however many triggers come (schedule, connect, "sync now"): a
 * deduplication id per account, keeping one more run when a trigger comes while a sync runs (it may have read the
 * account before the change that prompted the trigger). A sync paused by Meta's throttling waits as delayed under the
 * same id. Transient failures are retried, spaced out; the next schedule syncs the account anyway.
 */
export function syncAccountJobOptions(organisationId: string, adAccountId: string): JobsOptions {
  return {
    deduplication: { id: `sync-account:${organisationId}:${adAccountId}`, keepLastIfActive: true },
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  };
}

export const META_ADS_SCHEDULES: readonly Schedule[] = [
  {
    // Read when schedules are declared (META_ADS_SYNC_CRON), so it follows the environment the app started with.
    id: 'meta-ads:sync-all',
    queue: META_ADS_QUEUE_NAME,
    jobName: META_ADS_JOBS.syncAll,
    get repeat() {
      return { pattern: adsConfig().syncEvery, tz: 'UTC' };
    },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
