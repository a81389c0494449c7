import type { QueueDeclaration } from './infra/queue/queue-declaration';
import { SCHEDULE_TICKS_QUEUE } from './infra/scheduler/schedule-ticks';
import { ALERTS_QUEUE } from './modules/alerts';
import { META_ADS_QUEUE } from './modules/meta-ads';
import { META_AUTH_QUEUE } from './modules/meta-auth';
import { META_INSIGHTS_QUEUE } from './modules/meta-insights';
import { META_CONVERSIONS_QUEUE } from './modules/meta-conversions';
import { META_CATALOG_QUEUE } from './modules/meta-catalog';
import { META_LEADS_QUEUE } from './modules/meta-leads';
import { META_WEBHOOK_QUEUE } from './modules/meta-webhook';
import { OUTGOING_WEBHOOKS_QUEUE } from './modules/outgoing-webhooks';

/**
 * Every queue of the application: one per capability, each declared in its capability's jobs file (job names,
 * payloads, ids, options, and how many run at once), and `schedules`, where the schedules tick (schedule-ticks.ts). QueueModule registers them (Bull Board and /metrics pick them up)
 * and gives each one processor, which routes its jobs to the capability's @JobHandler methods. Future capabilities
 * (each in its module's jobs file) add theirs here.
 */
export const APP_QUEUES: readonly QueueDeclaration[] = [
  SCHEDULE_TICKS_QUEUE,
  META_AUTH_QUEUE,
  META_WEBHOOK_QUEUE,
  META_LEADS_QUEUE,
  META_ADS_QUEUE,
  META_INSIGHTS_QUEUE,
  META_CONVERSIONS_QUEUE,
  META_CATALOG_QUEUE,
  OUTGOING_WEBHOOKS_QUEUE,
  ALERTS_QUEUE,
];
