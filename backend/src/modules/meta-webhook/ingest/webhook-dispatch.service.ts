import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookInboxStatus } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { In, Repository } from 'typeorm';
import { QUEUES } from '../../../infra/queue/queue-names';
import { MetaPage } from '../../meta-assets';
import { WebhookInboxEntry } from '../entities/webhook-inbox-entry.entity';
import { LEADGEN_JOB_NAME, LEADGEN_JOB_OPTIONS, LeadgenJobData, leadgenJobId } from '../jobs/leadgen-job';
import { parseJsonBody } from './json-body';
import { ExtractedChanges, extractLeadgenChanges, IgnoredChange, LeadgenChange } from './leadgen-changes';
import { webhookEnqueueFailures } from './webhook-metrics';

/**
 * How long the webhook waits for the queue backend. Meta gives up on slow answers and retries, and the delivery is
 * already stored, so a slow or unreachable queue leaves the row `received` for the relay instead of holding the
 * request.
 */
export const ENQUEUE_TIMEOUT_MS = 3_000;

/**
 * Jobs per `addBulk` call. A delivery carries up to 1,000 leads; adding them in one call builds and sends one
 * large pipeline (the event loop is busy serialising it, then Redis runs it in one go), and the worker in this
 * process cannot take the first of those jobs until both are done. In calls of 100 the worker's fetches interleave
 * with the enqueue, so the first leads are being read while the rest of the burst is still being queued.
 */
export const ADD_BULK_CHUNK = 100;

/** What became of a stored delivery: its lead jobs are queued, it had nothing to do, or the queue was down. */
export type DispatchResult = 'enqueued' | 'ignored' | 'pending';

export type DispatchableRow = Pick<WebhookInboxEntry, 'id' | 'rawBody' | 'receivedAt'> & {
  /** The changes already read from the body (the webhook request did it); read from `rawBody` when absent. */
  extracted?: ExtractedChanges;
};

/** One row's plan: its lead jobs and what it ignores. */
export interface Plan {
  row: DispatchableRow;
  leads: LeadgenChange[];
  ignored: IgnoredChange[];
}

/**
 * Moves rows on from `received` only: if a worker already took a job and recorded progress, a late update here must
 * not overwrite it. One statement for a whole batch; each row gets its own status, ignored changes and job count.
 */
const MARK_DISPATCHED = `
  UPDATE meta_webhook_inbox AS i SET
    status = v.status::webhook_inbox_status,
    ignored_changes = v.ignored::jsonb,
    job_count = v.job_count,
    attempts = i.attempts + 1,
    last_error = CASE WHEN v.status = 'enqueued' THEN NULL ELSE i.last_error END,
    enqueued_at = CASE WHEN v.status = 'enqueued' THEN now() ELSE i.enqueued_at END,
    processed_at = CASE WHEN v.status = 'ignored' THEN now() ELSE i.processed_at END
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS v(id, status, ignored, job_count)
  WHERE i.id = v.id AND i.status = 'received'`;

/** The queue was down: the rows stay `received` for the relay, with the attempt and the error recorded. */
const MARK_PENDING = `
  UPDATE meta_webhook_inbox AS i SET attempts = i.attempts + 1, last_error = $3, ignored_changes = v.ignored::jsonb
  FROM unnest($1::uuid[], $2::text[]) AS v(id, ignored)
  WHERE i.id = v.id AND i.status = 'received'`;

/**
 * Turns stored inbox rows into lead jobs (one per leadgen change of a known Page) and records the outcome on each
 * row. Used after the webhook's answer (WebhookAfterAck) and by the relay for rows left `received`.
 * Idempotent: the job ids are deterministic and a row only moves away from `received`.
 *
 * Rows are handled in batches: one Page lookup, one `addBulk` and one UPDATE for all of them, so a burst of
 * deliveries costs three round trips per batch instead of three per delivery.
 */
@Injectable()
export class WebhookDispatchService {
  private readonly logger = new Logger(WebhookDispatchService.name);

  constructor(
    @InjectRepository(WebhookInboxEntry) private readonly inbox: Repository<WebhookInboxEntry>,
    @InjectRepository(MetaPage) private readonly pages: Repository<MetaPage>,
    @InjectQueue(QUEUES.metaWebhook) private readonly queue: Queue<LeadgenJobData>,
  ) {}

  async dispatch(row: DispatchableRow): Promise<DispatchResult> {
    return (await this.dispatchMany([row]))[0];
  }

  /** The result of each row, in the order given. */
  async dispatchMany(rows: DispatchableRow[]): Promise<DispatchResult[]> {
    if (rows.length === 0) return [];
    const plans = await this.plan(rows);
    const withLeads = plans.filter((plan) => plan.leads.length > 0);

    let enqueued = withLeads.length > 0;
    if (enqueued) {
      try {
        await this.enqueue(withLeads.flatMap((plan) => plan.leads.map((lead) => toJob(lead, plan.row))));
      } catch (error) {
        enqueued = false;
        webhookEnqueueFailures.inc(withLeads.length);
        const message = error instanceof Error ? error.message : String(error);
        const jobs = withLeads.reduce((n, plan) => n + plan.leads.length, 0);
        this.logger.warn({ inboxIds: withLeads.map((plan) => plan.row.id), jobs, error: message }, 'Could not enqueue webhook lead jobs; the inbox relay will retry');
        await this.inbox.query(MARK_PENDING, [withLeads.map((plan) => plan.row.id), withLeads.map((plan) => JSON.stringify(plan.ignored)), message.slice(0, 1000)]);
      }
    }

    const settled = plans.filter((plan) => plan.leads.length === 0 || enqueued);
    if (settled.length > 0) {
      await this.inbox.query(MARK_DISPATCHED, [
        settled.map((plan) => plan.row.id),
        settled.map((plan) => (plan.leads.length ? WebhookInboxStatus.Enqueued : WebhookInboxStatus.Ignored)),
        settled.map((plan) => JSON.stringify(plan.ignored)),
        settled.map((plan) => plan.leads.length),
      ]);
    }
    return plans.map((plan) => (plan.leads.length === 0 ? 'ignored' : enqueued ? 'enqueued' : 'pending'));
  }

  /** Each row's lead jobs (leadgen changes of Pages connected now) and what it ignores, in the order given. */
  async plan(rows: DispatchableRow[]): Promise<Plan[]> {
    const extracted = rows.map((row) => row.extracted ?? extractLeadgenChanges(parseJsonBody(row.rawBody)));
    const known = await this.knownPageIds(extracted.flatMap((e) => e.changes));
    return rows.map((row, index) => planFor(row, extracted[index], known));
  }

  /**
   * Which of these leads have no job in the queue under their deterministic id, whatever its state (a job that ran
   * and was trimmed is gone too: the caller knows from the lead's timeline whether it still needs one). One lookup
   * per lead, sent together; bounded by the enqueue timeout as a whole.
   */
  async leadsWithoutJob(leads: LeadgenChange[]): Promise<LeadgenChange[]> {
    const jobs = await withTimeout(Promise.all(leads.map((lead) => this.queue.getJob(leadgenJobId(lead.pageId, lead.leadgenId)))), ENQUEUE_TIMEOUT_MS);
    return leads.filter((_, i) => jobs[i] === undefined);
  }

  /** Adds the lead jobs of rows again, under the same ids (a job still there is kept as it is). */
  async requeue(items: { lead: LeadgenChange; row: DispatchableRow }[]): Promise<void> {
    await this.enqueue(items.map(({ lead, row }) => toJob(lead, row)));
  }

  /** Adds the jobs in chunks, in order; each chunk must be answered within the enqueue timeout. */
  private async enqueue(jobs: ReturnType<typeof toJob>[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += ADD_BULK_CHUNK) {
      await withTimeout(this.queue.addBulk(jobs.slice(i, i + ADD_BULK_CHUNK)), ENQUEUE_TIMEOUT_MS);
    }
  }

  /** Pages connected in any organisation. Webhooks are app-wide, so a delivery may name Pages nobody connected. */
  private async knownPageIds(changes: LeadgenChange[]): Promise<Set<string>> {
    const ids = [...new Set(changes.map((change) => change.pageId))];
    if (ids.length === 0) return new Set();
    const rows = await this.pages.find({ select: { pageId: true }, where: { pageId: In(ids) } });
    return new Set(rows.map((page) => page.pageId));
  }
}

function planFor(row: DispatchableRow, extracted: ExtractedChanges, known: Set<string>): Plan {
  const leads = extracted.changes.filter((change) => known.has(change.pageId));
  const ignored: IgnoredChange[] = [
    ...extracted.ignored,
    ...extracted.changes
      .filter((change) => !known.has(change.pageId))
      .map((change) => ({ entry: change.entry, change: change.change, field: 'leadgen', pageId: change.pageId, reason: 'unknown_page' as const, detail: `leadgen_id ${change.leadgenId}` })),
  ];
  return { row, leads, ignored };
}

function toJob(lead: LeadgenChange, row: DispatchableRow) {
  const data: LeadgenJobData = {
    leadgenId: lead.leadgenId,
    pageId: lead.pageId,
    formId: lead.formId,
    adId: lead.adId,
    adgroupId: lead.adgroupId,
    createdTime: lead.createdTime,
    inboxId: row.id,
    receivedAt: new Date(row.receivedAt).toISOString(),
  };
  return { name: LEADGEN_JOB_NAME, data, opts: { ...LEADGEN_JOB_OPTIONS, jobId: leadgenJobId(lead.pageId, lead.leadgenId) } };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // If the timeout wins, the enqueue may still complete later; that is harmless (same job ids) but must not
  // surface as an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Queue did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
