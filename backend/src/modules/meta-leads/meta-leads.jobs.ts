import { leadSyncConfig } from '../../config/lead-sync.config';
import { leadsConfig } from '../../config/leads.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';
import { LEAD_READS_PER_BATCH } from './graph/lead-reads';

/**
 * Lead capture's queue: `leadgen` (one job per lead a webhook announced, or per replay), and the reconciliation that
 * heals leads whose webhook never came (`reconcile-all`, scheduled, fans out into one `reconcile-form` per auto-sync
 * form).
 */
export const META_LEADS_QUEUE_NAME = 'meta-leads';

/**
 * The job a `leadgen` webhook change becomes. The handler that fetches the lead from the Graph API, maps and stores
 * it consumes exactly this payload.
 *
 * The job id is deterministic (`leadgenJobId`), so the same lead arriving in a redelivery, a duplicate delivery, a
 * different batch, or through the inbox relay never produces a second job while the first is still kept by BullMQ.
 * (Uniqueness of the stored lead itself is the lead store's job: it is enforced by the database.)
 */
export const LEADGEN_JOB_NAME = 'leadgen';

export interface LeadgenJobData {
  /** Meta's lead id (`leadgen_id`), a numeric string. */
  leadgenId: string;
  /** The Page the lead was submitted on; webhooks name no organisation, the processor resolves it from this. */
  pageId: string;
  formId: string | null;
  /** The ad the lead came from (`ad_id`, same as `adgroup_id`); both are absent for organic and test leads. */
  adId: string | null;
  adgroupId: string | null;
  /** When the person submitted the form, unix seconds (Meta's `created_time`), if the change carried it. */
  createdTime: number | null;
  /** The inbox row (`meta_webhook_inbox.id`) of the delivery that first carried this lead. */
  inboxId: string;
  /** When that delivery was received, ISO-8601. */
  receivedAt: string;
  /** The lead's replay number, for a replay (its job id ends in `-r<n>`); absent for jobs made from a webhook. */
  replay?: number;
}

/** `leadgen:<page_id>:<leadgen_id>`. BullMQ accepts ':' in custom ids only when the id has exactly three parts. */
export function leadgenJobId(pageId: string, leadgenId: string): string {
  return `${LEADGEN_JOB_NAME}:${pageId}:${leadgenId}`;
}

/**
 * A replay's job: `leadgen:<page>:<lead>-r<n>`, n counting the lead's replays, so it is never swallowed by the
 * completed original (a replay of n = 0 is the original's id).
 */
export function leadgenReplayJobId(pageId: string, leadgenId: string, replay: number): string {
  return leadgenJobId(pageId, leadgenId) + (replay > 0 ? `-r${replay}` : '');
}

/**
 * Retries of a lead job. Only transient failures (Meta 5xx, codes 1/2, timeouts, a database hiccup) spend attempts:
 * the processor delays rate-limited jobs, and jobs of a connection whose Graph calls are paused, without spending
 * one, and parks or fails auth and permission errors at once. Each attempt reads the lead from Meta at most once (no
 * client-level retries), so a job run costs at most eight Graph reads of its lead. Eight attempts with exponential
 * backoff from 2 s cover about four minutes of outage; jitter spreads the retries of a burst so they do not reach
 * Meta together.
 */
export const LEADGEN_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
} as const;

export const LEAD_RECONCILE_JOBS = {
  /** Scheduled: discovers new forms and enqueues one `reconcile-form` job per auto-sync form. */
  all: 'reconcile-all',
  form: 'reconcile-form',
} as const;

/** One form's sweep. The window is computed when the job runs, from the freshest watermark. */
export interface ReconcileFormJobData {
  organisationId: string;
  /** Our lead form id (`meta_lead_forms.id`). */
  leadFormId: string;
}

/**
 * `reconcile-form:<lead form id>:<run>`: one job per form per scheduled run. A retried `reconcile-all` enqueues the
 * same ids again, which BullMQ ignores; the next run gets new ids. (BullMQ accepts ':' in custom ids only when the
 * id has exactly three parts.)
 */
export function reconcileFormJobId(leadFormId: string, runKey: number): string {
  return `${LEAD_RECONCILE_JOBS.form}:${leadFormId}:${runKey}`;
}

/** A form's sweep is retried after a transient failure, spaced out: the next scheduled run sweeps it anyway. */
export const RECONCILE_FORM_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
} as const;

export interface MetaLeadsJobs {
  [LEADGEN_JOB_NAME]: LeadgenJobData;
  [LEAD_RECONCILE_JOBS.all]: Record<string, never>;
  [LEAD_RECONCILE_JOBS.form]: ReconcileFormJobData;
}

/**
 * Many lead jobs run at once (LEAD_SYNC_CONCURRENCY, 150 by default) so that their Graph reads, which share a Page
 * token, are coalesced into batch calls, starting a burst with one batch's worth of jobs (the ramp); the sweeps stay
 * few, as when they had a queue of their own (two at a time, the fan-out beside them).
 */
export const META_LEADS_QUEUE = declareQueue<MetaLeadsJobs>({
  name: META_LEADS_QUEUE_NAME,
  jobs: {
    [LEADGEN_JOB_NAME]: {
      // Read when the worker starts, so it follows the environment the app was started with.
      get concurrency() {
        return leadSyncConfig().concurrency;
      },
    },
    [LEAD_RECONCILE_JOBS.all]: { concurrency: 1 },
    [LEAD_RECONCILE_JOBS.form]: { concurrency: 2 },
  },
  rampWave: LEAD_READS_PER_BATCH,
});

export const META_LEADS_SCHEDULES: readonly Schedule[] = [
  {
    // Heals leads whose webhook never came. The pattern is read when schedules are declared (LEAD_RECONCILE_CRON),
    // not when this file is imported, so it follows the environment the app was started with.
    id: 'meta-leads:reconcile-all',
    queue: META_LEADS_QUEUE_NAME,
    jobName: LEAD_RECONCILE_JOBS.all,
    get repeat() {
      return { pattern: leadsConfig().reconcileEvery, tz: 'UTC' };
    },
    opts: { attempts: 3, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
  },
];
