import { Injectable, Logger } from '@nestjs/common';
import { WebhookInboxStatus } from '@legeai/contracts';
import { ConnectedPages } from '../../meta-assets';
import { WebhookFieldHandlers, type InboxChange } from '../fields/webhook-field-handler';
import { WebhookInboxRepository, type StoredDelivery } from '../inbox/webhook-inbox.repository';
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

export type DispatchableRow = StoredDelivery & {
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
 * Turns stored inbox rows into jobs (one per leadgen change of a known Page, queued by the field's handler: lead
 * capture) and records the outcome on each row. Used after the webhook's answer (WebhookAfterAck) and by the relay
 * for rows left `received`. Idempotent: the job ids are deterministic and a row only moves away from `received`.
 *
 * Rows are handled in batches: one Page lookup, one enqueue by the handler (an `addBulk` per chunk) and one UPDATE
 * for all of them, so a burst of deliveries costs three round trips per batch instead of three per delivery.
 */
@Injectable()
export class WebhookDispatchService {
  private readonly logger = new Logger(WebhookDispatchService.name);

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly pages: ConnectedPages,
    private readonly fields: WebhookFieldHandlers,
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
        await this.enqueue(withLeads.flatMap((plan) => plan.leads.map((lead) => inboxChange(lead, plan.row))));
      } catch (error) {
        enqueued = false;
        webhookEnqueueFailures.inc(withLeads.length);
        const message = error instanceof Error ? error.message : String(error);
        const jobs = withLeads.reduce((n, plan) => n + plan.leads.length, 0);
        this.logger.warn(
          { inboxIds: withLeads.map((plan) => plan.row.id), jobs, error: message },
          'Could not enqueue webhook lead jobs; the inbox relay will retry',
        );
        await this.inbox.markPending(
          withLeads.map((plan) => ({ id: plan.row.id, ignored: plan.ignored })),
          message,
        );
      }
    }

    const settled = plans.filter((plan) => plan.leads.length === 0 || enqueued);
    if (settled.length > 0) {
      await this.inbox.markDispatched(
        settled.map((plan) => ({
          id: plan.row.id,
          status: plan.leads.length ? WebhookInboxStatus.Enqueued : WebhookInboxStatus.Ignored,
          ignored: plan.ignored,
          jobCount: plan.leads.length,
        })),
      );
    }
    return plans.map((plan) => (plan.leads.length === 0 ? 'ignored' : enqueued ? 'enqueued' : 'pending'));
  }

  /** Each row's lead jobs (leadgen changes of Pages connected now) and what it ignores, in the order given. */
  async plan(rows: DispatchableRow[]): Promise<Plan[]> {
    const extracted = rows.map((row) => row.extracted ?? extractLeadgenChanges(parseJsonBody(row.rawBody)));
    const known = await this.pages.among([...new Set(extracted.flatMap((e) => e.changes).map((change) => change.pageId))]);
    return rows.map((row, index) => planFor(row, extracted[index], known));
  }

  /**
   * Which of these leads have no job in the queue under their deterministic id, whatever its state (a job that ran
   * and was trimmed is gone too: the caller knows from the lead's timeline whether it still needs one). Asked of the
   * field's handler; bounded by the enqueue timeout as a whole.
   */
  async leadsWithoutJob(leads: LeadgenChange[]): Promise<LeadgenChange[]> {
    return withTimeout(this.fields.of('leadgen').withoutJob(leads), ENQUEUE_TIMEOUT_MS);
  }

  /** Adds the lead jobs of rows again, under the same ids (a job still there is kept as it is). */
  async requeue(items: { lead: LeadgenChange; row: DispatchableRow }[]): Promise<void> {
    await this.enqueue(items.map(({ lead, row }) => inboxChange(lead, row)));
  }

  /** Has the field's handler queue the changes in chunks, in order; each chunk must be answered within the enqueue timeout. */
  private async enqueue(changes: InboxChange[]): Promise<void> {
    const handler = this.fields.of('leadgen');
    for (let i = 0; i < changes.length; i += ADD_BULK_CHUNK) {
      await withTimeout(handler.enqueue(changes.slice(i, i + ADD_BULK_CHUNK)), ENQUEUE_TIMEOUT_MS);
    }
  }
}

function planFor(row: DispatchableRow, extracted: ExtractedChanges, known: Set<string>): Plan {
  const leads = extracted.changes.filter((change) => known.has(change.pageId));
  const ignored: IgnoredChange[] = [
    ...extracted.ignored,
    ...extracted.changes
      .filter((change) => !known.has(change.pageId))
      .map((change) => ({
        entry: change.entry,
        change: change.change,
        field: 'leadgen',
        pageId: change.pageId,
        reason: 'unknown_page' as const,
        detail: `leadgen_id ${change.leadgenId}`,
      })),
  ];
  return { row, leads, ignored };
}

function inboxChange(change: LeadgenChange, row: DispatchableRow): InboxChange {
  return { change, inbox: { id: row.id, receivedAt: row.receivedAt } };
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
