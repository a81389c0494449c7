import type { JobsOptions } from 'bullmq';
import { capiConfig } from '../../config/capi.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** MetaConversions' queue: sending the outbox of Conversions API events. */
export const META_CONVERSIONS_QUEUE_NAME = 'meta-conversions';

export const META_CONVERSIONS_JOBS = {
  /** Scheduled: queues a `send-events` for every dataset with due events (a crash between commit and enqueue). */
  sweep: 'sweep-events',
  /** Sends an organisation's due events of one dataset, 1,000 a request, until none is due. */
  send: 'send-events',
} as const;

export interface SendEventsJobData {
  organisationId: string;
  datasetId: string;
  /** Why it was queued, for Bull Board and the logs. */
  reason: 'change' | 'sweep' | 'replay';
}

export interface MetaConversionsJobs {
  [META_CONVERSIONS_JOBS.sweep]: Record<string, never>;
  [META_CONVERSIONS_JOBS.send]: SendEventsJobData;
}

/** Two datasets send at once per process; one dataset's sends never run side by side (deduplication below). */
export const META_CONVERSIONS_QUEUE = declareQueue<MetaConversionsJobs>({
  name: META_CONVERSIONS_QUEUE_NAME,
  jobs: {
    [META_CONVERSIONS_JOBS.sweep]: { concurrency: 1 },
    [META_CONVERSIONS_JOBS.send]: { concurrency: 2 },
  },
});

/**
 * One send per (organisation, dataset) waits and one runs, however many stage changes come: a burst of 10,000
 * changes is a few jobs that take the due events 1,000 at a time. `keepLastIfActive` keeps one more run when a change
 * commits while a send runs (it may have read the outbox before that row). Transient failures are retried by the
 * queue's backoff; each attempt sends the same rows with the same event ids.
 */
export function sendEventsJobOptions(organisationId: string, datasetId: string, reason: SendEventsJobData['reason']): JobsOptions {
  // A change's send waits a moment for the rest of a burst (the deduplication id absorbs their triggers meanwhile);
  // the sweep and replays have their events together already.
  const delay = reason === 'change' ? capiConfig().batchWindowMs : 0;
  return {
    deduplication: { id: `send-events:${organisationId}:${datasetId}`, keepLastIfActive: true },
    ...(delay > 0 && { delay }),
    attempts: capiConfig().sendAttempts,
    backoff: { type: 'exponential', delay: capiConfig().retryDelayMs },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  };
}

export const META_CONVERSIONS_SCHEDULES: readonly Schedule[] = [
  {
    id: 'meta-conversions:sweep-events',
    queue: META_CONVERSIONS_QUEUE_NAME,
    jobName: META_CONVERSIONS_JOBS.sweep,
    get repeat() {
      return { pattern: capiConfig().sweepCron, tz: 'UTC' };
    },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
