import type { JobsOptions } from 'bullmq';
import { outgoingWebhooksConfig } from '../../config/outgoing-webhooks.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** OutgoingWebhooks' queue: sending the outbox of deliveries to the organisations' endpoints. */
export const OUTGOING_WEBHOOKS_QUEUE_NAME = 'outgoing-webhooks';

export const OUTGOING_WEBHOOKS_JOBS = {
  /** Scheduled: queues a `deliver-endpoint` for every enabled endpoint with due deliveries (retries, a crash's leftovers). */
  sweep: 'sweep-deliveries',
  /** Sends one endpoint's due deliveries, a few in flight at once, until none is due. */
  deliver: 'deliver-endpoint',
  /** Scheduled: deletes finished deliveries (and their attempts, and events left without one) past the retention. */
  prune: 'prune-deliveries',
} as const;

export interface DeliverEndpointJobData {
  organisationId: string;
  endpointId: string;
  /** Why it was queued, for Bull Board and the logs. */
  reason: 'change' | 'sweep' | 'enable';
}

export interface OutgoingWebhooksJobs {
  [OUTGOING_WEBHOOKS_JOBS.sweep]: Record<string, never>;
  [OUTGOING_WEBHOOKS_JOBS.deliver]: DeliverEndpointJobData;
  [OUTGOING_WEBHOOKS_JOBS.prune]: Record<string, never>;
}

/** Four endpoints send at once per process; one endpoint's sends never run side by side (deduplication below). */
export const OUTGOING_WEBHOOKS_QUEUE = declareQueue<OutgoingWebhooksJobs>({
  name: OUTGOING_WEBHOOKS_QUEUE_NAME,
  jobs: {
    [OUTGOING_WEBHOOKS_JOBS.sweep]: { concurrency: 1 },
    [OUTGOING_WEBHOOKS_JOBS.deliver]: { concurrency: 4 },
    [OUTGOING_WEBHOOKS_JOBS.prune]: { concurrency: 1 },
  },
});

/**
 * One send per endpoint waits and one runs, however many changes come: a burst of 10,000 lead events is a few jobs
 * that each take the due deliveries a batch at a time. `keepLastIfActive` keeps one more run when a change commits
 * while a send runs (it may have read the outbox before that row). Retries are the outbox's (`next_attempt_at`,
 * picked up by the sweep), not the queue's: an attempt is recorded per delivery, not per job.
 */
export function deliverEndpointJobOptions(endpointId: string): JobsOptions {
  return {
    deduplication: { id: `deliver-endpoint:${endpointId}`, keepLastIfActive: true },
    attempts: 3,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  };
}

export const OUTGOING_WEBHOOKS_SCHEDULES: readonly Schedule[] = [
  {
    id: 'outgoing-webhooks:sweep-deliveries',
    queue: OUTGOING_WEBHOOKS_QUEUE_NAME,
    jobName: OUTGOING_WEBHOOKS_JOBS.sweep,
    get repeat() {
      return { every: outgoingWebhooksConfig().sweepEveryMs };
    },
    opts: { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
  {
    id: 'outgoing-webhooks:prune-deliveries',
    queue: OUTGOING_WEBHOOKS_QUEUE_NAME,
    jobName: OUTGOING_WEBHOOKS_JOBS.prune,
    repeat: { pattern: '47 3 * * *', tz: 'UTC' },
    opts: { attempts: 3, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
