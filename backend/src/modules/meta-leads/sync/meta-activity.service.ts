import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEAD_SYNC_STATES, LeadSyncState, type MetaActivityDelivery, type MetaActivityDto, type MetaQueueDepth } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES } from '../../../infra/queue/queue-names';

/** Deliveries shown on the Activity page. */
const RECENT_DELIVERIES = 50;
/** Newest inbox rows searched for the organisation's pages (webhooks are app-wide, rows name no organisation). */
const SCANNED_DELIVERIES = 1000;

interface DeliveryRow {
  id: string;
  received_at: Date;
  status: MetaActivityDelivery['status'];
  job_count: number | null;
  change_count: number;
  ignored_changes: { reason: string; field?: string | null; pageId?: string | null }[];
}

/** The console's Activity page: recent deliveries for the organisation's pages, queue depth, lead syncs by state. */
@Injectable()
export class MetaActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.metaWebhook) private readonly webhookQueue: Queue,
    @InjectQueue(QUEUES.metaSync) private readonly syncQueue: Queue,
  ) {}

  async activity(organisationId: string): Promise<MetaActivityDto> {
    const [deliveries, queues, syncs] = await Promise.all([this.deliveries(organisationId), this.queues(), this.syncCounts(organisationId)]);
    return { deliveries, queues, syncs };
  }

  private async deliveries(organisationId: string): Promise<MetaActivityDelivery[]> {
    const rows = (await this.db.query(
      `WITH recent AS (
         SELECT id, received_at, status, job_count, ignored_changes, convert_from(raw_body, 'UTF8')::jsonb AS body
           FROM meta_webhook_inbox ORDER BY received_at DESC LIMIT $3),
       shaped AS (
         SELECT r.*, CASE WHEN jsonb_typeof(r.body -> 'entry') = 'array' THEN r.body -> 'entry' ELSE '[]'::jsonb END AS entries FROM recent r)
       SELECT s.id, s.received_at, s.status, s.job_count, s.ignored_changes,
              (SELECT count(*) FROM jsonb_array_elements(s.entries) e,
                      jsonb_array_elements(CASE WHEN jsonb_typeof(e -> 'changes') = 'array' THEN e -> 'changes' ELSE '[]'::jsonb END) c)::int AS change_count
         FROM shaped s
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(s.entries) e
                       WHERE e ->> 'id' IN (SELECT page_id FROM meta_pages WHERE organisation_id = $1))
        ORDER BY s.received_at DESC LIMIT $2`,
      [organisationId, RECENT_DELIVERIES, SCANNED_DELIVERIES],
    )) as DeliveryRow[];
    return rows.map((row) => ({
      id: row.id,
      receivedAt: new Date(row.received_at).toISOString(),
      status: row.status,
      jobCount: row.job_count,
      changeCount: row.change_count,
      ignored: (row.ignored_changes ?? []).map((c) => ({ reason: c.reason, field: c.field ?? null, pageId: c.pageId ?? null })),
    }));
  }

  private queues(): Promise<MetaQueueDepth[]> {
    return Promise.all(
      [this.webhookQueue, this.syncQueue].map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        return {
          queue: queue.name,
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        };
      }),
    );
  }

  private async syncCounts(organisationId: string): Promise<Record<LeadSyncState, number>> {
    const rows = (await this.db.query(`SELECT state, count(*)::int AS n FROM meta_lead_syncs WHERE organisation_id = $1 GROUP BY state`, [
      organisationId,
    ])) as { state: LeadSyncState; n: number }[];
    const counts = Object.fromEntries(LEAD_SYNC_STATES.map((state) => [state, 0])) as Record<LeadSyncState, number>;
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }
}
