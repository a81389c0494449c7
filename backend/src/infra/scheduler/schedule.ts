import type { JobSchedulerTemplateOptions, RepeatOptions } from 'bullmq';

/**
 * A periodic job, declared in its capability's jobs file (data only) and listed in app.schedules.ts. BullMQ job
 * schedulers live in the queue backend, so however many instances upsert the same id, each period produces one job,
 * taken by one worker. A schedule only enqueues: the job's handler does the work.
 */
export interface Schedule {
  /** Stable id: the scheduler is upserted under it, so every instance declaring it shares one schedule. */
  id: string;
  queue: string;
  jobName: string;
  /** Read when the schedules are declared (a getter may read the configuration then). */
  repeat: Omit<RepeatOptions, 'key'>;
  data?: Record<string, unknown>;
  opts?: JobSchedulerTemplateOptions;
}

/** The application's schedules (app.schedules.ts), handed to SchedulerModule.forRoot. */
export const SCHEDULES = Symbol('SCHEDULES');
