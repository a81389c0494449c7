import { Injectable, Logger } from '@nestjs/common';
import { WebhookFieldHandlers } from '../fields/webhook-field-handler';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import type { LeadgenChange } from '../ingest/leadgen-changes';
import { WebhookDispatchService } from '../ingest/webhook-dispatch.service';

/**
 * How long after its enqueue (or its last check) an `enqueued` row is checked. Shorter than the relay's period (30 s),
 * so a row is looked at on every run while it stays open, and a lost job is queued again within a minute.
 */
export const CHECK_MIN_AGE_MS = 20_000;
/** Rows checked per run at most, the ones checked longest ago first; the rest wait for the next runs. */
export const CHECK_MAX_ROWS = 500;
/** Leads per run at most (one timeline lookup each, and one queue lookup for each lead still running). */
export const CHECK_MAX_LEADS = 2_000;

export interface CheckResult {
  /** `enqueued` rows looked at in this run. */
  checked: number;
  /** Rows whose leads were all done: moved to `processed`. */
  closed: number;
  /** Leads still to be stored whose job was gone from the queue: queued again under the same id. */
  requeued: number;
}

/**
 * Keeps `enqueued` inbox rows true to their leads, on the relay's schedule. A row is closed by the lead jobs it
 * produced (WebhookInboxRepository.closeWhenFinished, after each lead), which misses some cases, and its jobs live in the queue backend, which
 * can lose them; both left rows `enqueued` for good:
 * - a lead the row carries was stored through another delivery (a redelivery with other bytes, the same lead in
 *   another batch: the job and its timeline name the first delivery), or its job finished before the row was marked
 *   `enqueued` (the enqueue answered after its timeout, or the worker was faster than the update);
 * - the queue backend lost the jobs (Redis restarted without its data, FLUSHALL): nothing would store the leads
 *   until the scheduled reconciliation, and nothing at all for a form without auto-sync.
 *
 * So for each row it reads its leads' progress (from the field's handler, which keeps their timeline): all done → the
 * row is `processed`; a lead still running whose job is gone from the queue → the job is added again (the ids are
 * deterministic, so a job that still exists is left alone, and the store keeps each lead once whatever runs twice); a
 * lead waiting for a replay keeps the row `enqueued`, which is what it is. Bounded per run, oldest check first, so a large backlog is worked through over
 * a few runs instead of in one long one.
 */
@Injectable()
export class EnqueuedInboxCheck {
  private readonly logger = new Logger(EnqueuedInboxCheck.name);

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly dispatcher: WebhookDispatchService,
    private readonly fields: WebhookFieldHandlers,
  ) {}

  async checkEnqueued(minAgeMs = CHECK_MIN_AGE_MS, maxRows = CHECK_MAX_ROWS, maxLeads = CHECK_MAX_LEADS): Promise<CheckResult> {
    const rows = await this.inbox.enqueuedToCheck(minAgeMs, maxRows, maxLeads);
    if (rows.length === 0) return { checked: 0, closed: 0, requeued: 0 };

    const plans = await this.dispatcher.plan(rows);
    const leads = plans.flatMap((plan) => plan.leads.map((lead) => ({ lead, row: plan.row })));
    const progress = await this.progressOf(leads.map(({ lead }) => lead));
    const running = leads.filter((_, i) => progress[i] === 'running');
    // Only the leads still to be stored need their job; one that is gone is queued again.
    const lost = new Set(await this.dispatcher.leadsWithoutJob(running.map(({ lead }) => lead)));
    const requeue = running.filter(({ lead }) => lost.has(lead));
    if (requeue.length > 0) await this.dispatcher.requeue(requeue);

    const open = new Set(leads.filter((_, i) => progress[i] !== 'done').map(({ row }) => row.id));
    const done = rows.filter((row) => !open.has(row.id)).map((row) => row.id);
    const closed = done.length > 0 ? await this.inbox.closeChecked(done) : 0;
    if (open.size > 0) await this.inbox.markChecked([...open]);

    const result = { checked: rows.length, closed, requeued: requeue.length };
    if (closed > 0 || requeue.length > 0) {
      this.logger.warn(
        { ...result, requeuedInboxIds: [...new Set(requeue.map(({ row }) => row.id))].slice(0, 50) },
        'Enqueued webhook deliveries out of step with their leads: closed the finished ones, queued the lost jobs again',
      );
    }
    return result;
  }

  /** Each lead's progress, from the records of the field's handler (lead capture's timeline). */
  private async progressOf(leads: LeadgenChange[]) {
    if (leads.length === 0) return [];
    return this.fields.of('leadgen').progress(leads);
  }
}
