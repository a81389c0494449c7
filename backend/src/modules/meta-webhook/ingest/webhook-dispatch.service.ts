import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookInboxStatus } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { In, Repository } from 'typeorm';
import { QUEUES } from '../../../infra/queue/queue-names';
import { MetaPage } from '../../meta-integrations/entities/meta-page.entity';
import { WebhookInboxEntry } from '../entities/webhook-inbox-entry.entity';
import { LEADGEN_JOB_NAME, LEADGEN_JOB_OPTIONS, LeadgenJobData, leadgenJobId } from '../jobs/leadgen-job';
import { extractLeadgenChanges, IgnoredChange, LeadgenChange } from './leadgen-changes';
import { webhookEnqueueFailures } from './webhook-metrics';

/**
 * How long the webhook waits for the queue backend. Meta gives up on slow answers and retries, and the delivery is
 * already stored, so a slow or unreachable queue leaves the row `received` for the relay instead of holding the
 * request.
 */
export const ENQUEUE_TIMEOUT_MS = 3_000;

/** What became of a stored delivery: its lead jobs are queued, it had nothing to do, or the queue was down. */
export type DispatchResult = 'enqueued' | 'ignored' | 'pending';

export type DispatchableRow = Pick<WebhookInboxEntry, 'id' | 'rawBody' | 'receivedAt'>;

/**
 * Turns one stored inbox row into lead jobs (one per leadgen change of a known Page) and records the outcome on the
 * row. Used by the webhook request right after the row is committed and by the relay for rows left `received`.
 * Idempotent: the job ids are deterministic and the row only moves away from `received`.
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
    const extracted = extractLeadgenChanges(parseJson(row.rawBody));
    const known = await this.knownPageIds(extracted.changes);
    const leads = extracted.changes.filter((change) => known.has(change.pageId));
    const ignored: IgnoredChange[] = [
      ...extracted.ignored,
      ...extracted.changes
        .filter((change) => !known.has(change.pageId))
        .map((change) => ({ entry: change.entry, change: change.change, field: 'leadgen', pageId: change.pageId, reason: 'unknown_page' as const, detail: `leadgen_id ${change.leadgenId}` })),
    ];

    if (leads.length === 0) {
      await this.markIfReceived(row.id, { status: WebhookInboxStatus.Ignored, ignoredChanges: ignored, jobCount: 0, processedAt: new Date() });
      return 'ignored';
    }
    try {
      await withTimeout(this.queue.addBulk(leads.map((lead) => toJob(lead, row))), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      webhookEnqueueFailures.inc();
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ inboxId: row.id, jobs: leads.length, error: message }, 'Could not enqueue webhook lead jobs; the inbox relay will retry');
      await this.inbox
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts + 1', lastError: message.slice(0, 1000), ignoredChanges: ignored })
        .where('id = :id AND status = :status', { id: row.id, status: WebhookInboxStatus.Received })
        .execute();
      return 'pending';
    }
    await this.markIfReceived(row.id, {
      status: WebhookInboxStatus.Enqueued,
      ignoredChanges: ignored,
      jobCount: leads.length,
      enqueuedAt: new Date(),
      lastError: null,
    });
    return 'enqueued';
  }

  /** Pages connected in any organisation. Webhooks are app-wide, so a delivery may name Pages nobody connected. */
  private async knownPageIds(changes: LeadgenChange[]): Promise<Set<string>> {
    const ids = [...new Set(changes.map((change) => change.pageId))];
    if (ids.length === 0) return new Set();
    const rows = await this.pages.find({ select: { pageId: true }, where: { pageId: In(ids) } });
    return new Set(rows.map((page) => page.pageId));
  }

  /**
   * Moves the row on from `received` only: if a worker already took a job and recorded progress, a late update
   * here must not overwrite it.
   */
  private async markIfReceived(id: string, change: Partial<WebhookInboxEntry>): Promise<void> {
    await this.inbox
      .createQueryBuilder()
      .update()
      .set({ ...change, attempts: () => 'attempts + 1' })
      .where('id = :id AND status = :status', { id, status: WebhookInboxStatus.Received })
      .execute();
  }
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

/** Stored bodies passed the JSON parser before they were stored; anything else is reported as unsupported. */
function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
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
