import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** The webhook's queue: the inbox's relay and its retention. The jobs a delivery's changes become are their handlers'. */
export const META_WEBHOOK_QUEUE_NAME = 'meta-webhook';

export const META_WEBHOOK_JOBS = {
  /** Scheduled: queues what was stored but never queued, then checks what was queued (WebhookInboxRelayService). */
  relayInbox: 'relay-webhook-inbox',
  /** Scheduled: deletes handled rows older than WEBHOOK_INBOX_RETENTION_DAYS. */
  pruneInbox: 'prune-webhook-inbox',
} as const;

/** Neither job takes a payload. */
export interface MetaWebhookJobs {
  [META_WEBHOOK_JOBS.relayInbox]: Record<string, never>;
  [META_WEBHOOK_JOBS.pruneInbox]: Record<string, never>;
}

export const META_WEBHOOK_QUEUE = declareQueue<MetaWebhookJobs>({
  name: META_WEBHOOK_QUEUE_NAME,
  jobs: {
    [META_WEBHOOK_JOBS.relayInbox]: { concurrency: 1 },
    [META_WEBHOOK_JOBS.pruneInbox]: { concurrency: 1 },
  },
});

export const META_WEBHOOK_SCHEDULES: readonly Schedule[] = [
  {
    id: 'meta-webhook:prune-webhook-inbox',
    queue: META_WEBHOOK_QUEUE_NAME,
    jobName: META_WEBHOOK_JOBS.pruneInbox,
    repeat: { pattern: '17 3 * * *', tz: 'UTC' },
    opts: { attempts: 3, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
  {
    // Deliveries stored while the queue backend was down wait as `received`; this queues their jobs. It also checks
    // `enqueued` deliveries: lost jobs are queued again, deliveries whose work is done are closed.
    id: 'meta-webhook:relay-webhook-inbox',
    queue: META_WEBHOOK_QUEUE_NAME,
    jobName: META_WEBHOOK_JOBS.relayInbox,
    repeat: { every: 30_000 },
    opts: { attempts: 1, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
