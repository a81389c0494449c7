import type { JobsOptions } from 'bullmq';
import { catalogConfig } from '../../config/catalog.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** MetaCatalog's queue: syncs of the organisations' products to their linked catalogs. */
export const META_CATALOG_QUEUE_NAME = 'meta-catalog';

export const META_CATALOG_JOBS = {
  /** Scheduled: opens a sync for every organisation with a linked catalog. */
  syncAll: 'sync-all',
  /** One organisation's sync (a `catalog_syncs` row); queued by `sync-all`, "Sync now" and an admin's confirmation. */
  syncCatalog: 'sync-catalog',
} as const;

export interface SyncCatalogJobData {
  organisationId: string;
  syncId: string;
}

export interface MetaCatalogJobs {
  [META_CATALOG_JOBS.syncAll]: Record<string, never>;
  [META_CATALOG_JOBS.syncCatalog]: SyncCatalogJobData;
}

/** Two organisations sync at once per process; a sync spends most of its time waiting for Meta's handles. */
export const META_CATALOG_QUEUE = declareQueue<MetaCatalogJobs>({
  name: META_CATALOG_QUEUE_NAME,
  jobs: {
    [META_CATALOG_JOBS.syncAll]: { concurrency: 1 },
    [META_CATALOG_JOBS.syncCatalog]: { concurrency: 2 },
  },
});

/**
 * One job per sync row (its id in the job id, with the step: a confirmed sync runs again under a new id). Transient
 * failures are retried, spaced out; requests are keyed by retailer id, so resending a batch leaves the same catalog.
 */
export function syncCatalogJobOptions(syncId: string, step: 'run' | 'confirmed'): JobsOptions {
  return {
    jobId: `sync-catalog:${syncId}:${step}`,
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  };
}

export const META_CATALOG_SCHEDULES: readonly Schedule[] = [
  {
    // Read when schedules are declared (META_CATALOG_SYNC_CRON), so it follows the environment the app started with.
    id: 'meta-catalog:sync-all',
    queue: META_CATALOG_QUEUE_NAME,
    jobName: META_CATALOG_JOBS.syncAll,
    get repeat() {
      return { pattern: catalogConfig().syncEvery, tz: 'UTC' };
    },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
