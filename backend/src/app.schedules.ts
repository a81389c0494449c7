import type { Schedule } from './infra/scheduler/schedule';
import { ALERTS_SCHEDULES } from './modules/alerts';
import { META_ADS_SCHEDULES } from './modules/meta-ads';
import { META_AUTH_SCHEDULES } from './modules/meta-auth';
import { META_INSIGHTS_SCHEDULES } from './modules/meta-insights';
import { META_CONVERSIONS_SCHEDULES } from './modules/meta-conversions';
import { META_CATALOG_SCHEDULES } from './modules/meta-catalog';
import { META_LEADS_SCHEDULES } from './modules/meta-leads';
import { META_WEBHOOK_SCHEDULES } from './modules/meta-webhook';
import { OUTGOING_WEBHOOKS_SCHEDULES } from './modules/outgoing-webhooks';

/**
 * Every periodic job, in one place, from each capability's jobs file. SchedulerService declares them in the queue
 * backend (BullMQ job schedulers: one job per period however many instances run); they only enqueue, the jobs'
 * handlers do the work.
 */
export const APP_SCHEDULES: readonly Schedule[] = [
  ...META_WEBHOOK_SCHEDULES,
  ...META_AUTH_SCHEDULES,
  ...META_LEADS_SCHEDULES,
  ...META_ADS_SCHEDULES,
  ...META_INSIGHTS_SCHEDULES,
  ...META_CONVERSIONS_SCHEDULES,
  ...META_CATALOG_SCHEDULES,
  ...OUTGOING_WEBHOOKS_SCHEDULES,
  ...ALERTS_SCHEDULES,
];
