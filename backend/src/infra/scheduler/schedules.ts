import type { JobSchedulerTemplateOptions, RepeatOptions } from 'bullmq';
import { leadsConfig } from '../../config/leads.config';
import { QUEUES, QueueName } from '../queue/queue-names';

export const HOUSEKEEPING_JOBS = {
  pruneWebhookInbox: 'prune-webhook-inbox',
  relayWebhookInbox: 'relay-webhook-inbox',
  /** Not scheduled: queued at start-up during a key rotation (TokenReencryptionService), or added in Bull Board. */
  reencryptTokens: 'reencrypt-tokens',
} as const;

export const META_HEALTH_JOBS = {
  checkAll: 'check-all-connections',
} as const;

export const LEAD_RECONCILE_JOBS = {
  /** Scheduled: discovers new forms and enqueues one `reconcile-form` job per auto-sync form. */
  all: 'reconcile-all',
  form: 'reconcile-form',
} as const;

export interface Schedule {
  /** Stable id: the scheduler is upserted under it, so every instance declaring it shares one schedule. */
  id: string;
  queue: QueueName;
  jobName: string;
  repeat: Omit<RepeatOptions, 'key'>;
  data?: Record<string, unknown>;
  opts?: JobSchedulerTemplateOptions;
}

/**
 * Every periodic job, in one place. BullMQ job schedulers live in the queue backend, so however many instances
 * upsert the same id, each period produces one job, taken by one worker.
 */
export const SCHEDULES: readonly Schedule[] = [
  {
    id: 'housekeeping:prune-webhook-inbox',
    queue: QUEUES.housekeeping,
    jobName: HOUSEKEEPING_JOBS.pruneWebhookInbox,
    repeat: { pattern: '17 3 * * *', tz: 'UTC' },
    opts: { attempts: 3, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
  {
    // Deliveries stored while the queue backend was down wait as `received`; this queues their lead jobs. It also
    // checks `enqueued` deliveries: lost jobs are queued again, deliveries whose leads are done are closed.
    id: 'housekeeping:relay-webhook-inbox',
    queue: QUEUES.housekeeping,
    jobName: HOUSEKEEPING_JOBS.relayWebhookInbox,
    repeat: { every: 30_000 },
    opts: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
  {
    // Meta recommends checking tokens daily; every 6 hours catches a lost page subscription within the day.
    id: 'meta-health:check-all-connections',
    queue: QUEUES.metaHealth,
    jobName: META_HEALTH_JOBS.checkAll,
    repeat: { pattern: '41 */6 * * *', tz: 'UTC' },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
  {
    // Heals leads whose webhook never came. The pattern is read when schedules are declared (LEAD_RECONCILE_CRON),
    // not when this file is imported, so it follows the environment the app was started with.
    id: 'meta-sync:reconcile-all',
    queue: QUEUES.metaSync,
    jobName: LEAD_RECONCILE_JOBS.all,
    get repeat() {
      return { pattern: leadsConfig().reconcileEvery, tz: 'UTC' };
    },
    opts: { attempts: 3, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
