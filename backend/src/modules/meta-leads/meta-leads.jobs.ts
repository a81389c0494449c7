/**
 * The job a `leadgen` webhook change becomes, on `QUEUES.metaWebhook`. The processor that fetches the lead from the
 * Graph API, maps and stores it consumes exactly this payload.
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
