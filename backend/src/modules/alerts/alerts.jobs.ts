import type { JobsOptions } from 'bullmq';
import { alertsConfig } from '../../config/alerts.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** Alerts' queue: evaluating the conditions, sending mails, new-lead notices and digests. */
export const ALERTS_QUEUE_NAME = 'alerts';

export const ALERTS_JOBS = {
  /** Scheduled: queues an `evaluate-organisation` for every organisation. */
  evaluateAll: 'evaluate-all',
  /** Evaluates one organisation's conditions: raises new alerts, resolves cleared ones, with their deliveries. */
  evaluateOrganisation: 'evaluate-organisation',
  /** Sends one mail of the outbox over SMTP (or keeps it there when no SMTP server is configured). */
  sendMail: 'send-mail',
  /** Tells the users who want immediate new-lead notices about an organisation's undispatched leads. */
  dispatchNewLeads: 'dispatch-new-leads',
  /** Scheduled: sends the hourly and daily new-lead digests that are due. */
  sendDigests: 'send-digests',
  /** Scheduled: queues what a crash between a commit and its enqueue left (mails, new-lead notices); prunes. */
  sweep: 'sweep',
} as const;

export interface OrganisationJobData {
  organisationId: string;
}

export interface SendMailJobData {
  mailId: string;
}

export interface AlertsJobs {
  [ALERTS_JOBS.evaluateAll]: Record<string, never>;
  [ALERTS_JOBS.evaluateOrganisation]: OrganisationJobData;
  [ALERTS_JOBS.sendMail]: SendMailJobData;
  [ALERTS_JOBS.dispatchNewLeads]: OrganisationJobData;
  [ALERTS_JOBS.sendDigests]: Record<string, never>;
  [ALERTS_JOBS.sweep]: Record<string, never>;
}

export const ALERTS_QUEUE = declareQueue<AlertsJobs>({
  name: ALERTS_QUEUE_NAME,
  jobs: {
    [ALERTS_JOBS.evaluateAll]: {},
    [ALERTS_JOBS.evaluateOrganisation]: { concurrency: 2 },
    [ALERTS_JOBS.sendMail]: { concurrency: 4 },
    [ALERTS_JOBS.dispatchNewLeads]: { concurrency: 2 },
    [ALERTS_JOBS.sendDigests]: {},
    [ALERTS_JOBS.sweep]: {},
  },
});

/** One evaluation per organisation waits and one runs, however many ticks or triggers come. */
export function evaluateOrganisationJobOptions(organisationId: string): JobsOptions {
  return {
    deduplication: { id: `evaluate:${organisationId}`, keepLastIfActive: true },
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  };
}

/**
 * A mail's job, due when its row says (`next_attempt_at`). Its retries are the row's, not the queue's: a failed try
 * moves the row's due time and queues the next job, so the sweep can always tell a mail nobody will send (pending and
 * overdue) and queue it again. The job id carries the due time: the same try is never queued twice, the next one is.
 */
export function sendMailJob(mailId: string, dueAt: Date): { name: typeof ALERTS_JOBS.sendMail; data: SendMailJobData; opts: JobsOptions } {
  const delay = Math.max(0, dueAt.getTime() - Date.now());
  return {
    name: ALERTS_JOBS.sendMail,
    data: { mailId },
    opts: {
      jobId: `mail-${mailId}-${dueAt.getTime()}`,
      ...(delay > 0 && { delay }),
      attempts: 1,
      removeOnComplete: { count: 200 },
      removeOnFail: { count: 200 },
    },
  };
}

/** One dispatch per organisation waits and one runs; a burst of leads is one notice per user. */
export function dispatchNewLeadsJobOptions(organisationId: string): JobsOptions {
  return {
    deduplication: { id: `new-leads:${organisationId}`, keepLastIfActive: true },
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { count: 100 },
    removeOnFail: { count: 100 },
  };
}

const scheduleOpts = { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } };

export const ALERTS_SCHEDULES: readonly Schedule[] = [
  {
    id: 'alerts:evaluate',
    queue: ALERTS_QUEUE_NAME,
    jobName: ALERTS_JOBS.evaluateAll,
    get repeat() {
      return { pattern: alertsConfig().evaluateCron, tz: 'UTC' };
    },
    opts: scheduleOpts,
  },
  {
    id: 'alerts:sweep',
    queue: ALERTS_QUEUE_NAME,
    jobName: ALERTS_JOBS.sweep,
    get repeat() {
      return { pattern: alertsConfig().sweepCron, tz: 'UTC' };
    },
    opts: scheduleOpts,
  },
  {
    id: 'alerts:send-digests',
    queue: ALERTS_QUEUE_NAME,
    jobName: ALERTS_JOBS.sendDigests,
    get repeat() {
      return { pattern: alertsConfig().digestCron, tz: 'UTC' };
    },
    opts: scheduleOpts,
  },
];
