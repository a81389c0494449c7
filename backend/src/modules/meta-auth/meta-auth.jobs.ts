import type { JobsOptions } from 'bullmq';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** The connection's queue: scheduled health checks, and the re-encryption of tokens during a key rotation. */
export const META_AUTH_QUEUE_NAME = 'meta-auth';

export const META_AUTH_JOBS = {
  /** Scheduled: checks every live connection (token, permissions, subscriptions, forms, last webhook). */
  checkAllConnections: 'check-all-connections',
  /** Not scheduled: queued at start-up during a key rotation (TokenReencryptionService), or added in Bull Board. */
  reencryptTokens: 'reencrypt-tokens',
} as const;

/** Neither job takes a payload. */
export interface MetaAuthJobs {
  [META_AUTH_JOBS.checkAllConnections]: Record<string, never>;
  [META_AUTH_JOBS.reencryptTokens]: Record<string, never>;
}

/** One at a time of each: both go through every connection (or every token) in turn. */
export const META_AUTH_QUEUE = declareQueue<MetaAuthJobs>({
  name: META_AUTH_QUEUE_NAME,
  jobs: {
    [META_AUTH_JOBS.checkAllConnections]: { concurrency: 1 },
    [META_AUTH_JOBS.reencryptTokens]: { concurrency: 1 },
  },
});

/**
 * One re-encryption job waiting or running at a time, however many instances start during a rotation: a
 * deduplication id rather than a fixed job id, so the finished job stays visible in Bull Board and the next start
 * can queue a new one. `keepLastIfActive` queues one more run when a start happens while a run is active (a newer
 * key list may have arrived with it). Retried with backoff: a database hiccup should not leave tokens on the old key.
 */
export const REENCRYPT_JOB_OPTIONS: JobsOptions = {
  deduplication: { id: META_AUTH_JOBS.reencryptTokens, keepLastIfActive: true },
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { count: 20 },
  removeOnFail: { count: 20 },
};

export const META_AUTH_SCHEDULES: readonly Schedule[] = [
  {
    // Meta recommends checking tokens daily; every 6 hours catches a lost page subscription within the day.
    id: 'meta-auth:check-all-connections',
    queue: META_AUTH_QUEUE_NAME,
    jobName: META_AUTH_JOBS.checkAllConnections,
    repeat: { pattern: '41 */6 * * *', tz: 'UTC' },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
