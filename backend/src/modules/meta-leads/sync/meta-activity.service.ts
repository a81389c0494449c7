import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LEAD_SYNC_STATES,
  LeadSyncState,
  Role,
  UNKNOWN_PAGES_WINDOW_DAYS,
  type MetaActivityDelivery,
  type MetaActivityDto,
  type MetaQueueDepth,
} from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { WebhookInboxRepository } from '../../meta-webhook';
import { META_LEADS_QUEUE_NAME } from '../meta-leads.jobs';
import { completedJobsKept } from '../../../infra/queue/completed-jobs-kept';

/** Deliveries shown on the Activity page. */
const RECENT_DELIVERIES = 50;
/** Newest inbox rows searched for the organisation's pages (webhooks are app-wide, rows name no organisation). */
const SCANNED_DELIVERIES = 1000;
/** Pages listed under "Deliveries for Pages not connected here". */
const UNKNOWN_PAGES_SHOWN = 20;

/**
 * The console's Activity page: recent deliveries for the organisation's pages, queue depth, lead syncs by state.
 *
 * Which deliveries an organisation sees: those naming one of its Pages, quarantined ones included (a quarantined
 * body is still read leniently at ingest for its Pages). A quarantined delivery that names no Page at all cannot be
 * attributed, and webhooks are app-wide, so it may have carried any organisation's lead: it is shown to the admins
 * of every organisation, who run the integration and may need to look into it, and to nobody else. What they see
 * is when it came and why it was quarantined, never its body (the inbox's repository reads them).
 *
 * Likewise, leads Meta delivered for a Page nobody here connected are listed for admins only: which Page, how many
 * deliveries and when last, so an admin can reconnect and tick the Page in Meta's dialog if it is theirs.
 */
@Injectable()
export class MetaActivityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbox: WebhookInboxRepository,
    @InjectQueue(META_LEADS_QUEUE_NAME) private readonly leadQueue: Queue,
  ) {}

  async activity(organisationId: string, role: Role): Promise<MetaActivityDto> {
    const [deliveries, queues, syncs, unknownPages] = await Promise.all([
      this.deliveries(organisationId, role),
      this.queues(),
      this.syncCounts(organisationId),
      role === Role.Admin ? this.unknownPages(organisationId) : Promise.resolve([]),
    ]);
    return { deliveries, queues, syncs, unknownPages };
  }

  private async unknownPages(organisationId: string): Promise<MetaActivityDto['unknownPages']> {
    const since = new Date(Date.now() - UNKNOWN_PAGES_WINDOW_DAYS * 24 * 3600 * 1000);
    const pages = await this.inbox.unknownPages(organisationId, since, SCANNED_DELIVERIES, UNKNOWN_PAGES_SHOWN);
    return pages.map((page) => ({ pageId: page.pageId, deliveries: page.deliveries, lastAt: page.lastAt.toISOString() }));
  }

  private async deliveries(organisationId: string, role: Role): Promise<MetaActivityDelivery[]> {
    const rows = await this.inbox.recentForOrganisation(organisationId, RECENT_DELIVERIES, SCANNED_DELIVERIES, role === Role.Admin);
    return rows.map((row) => ({
      id: row.id,
      receivedAt: new Date(row.received_at).toISOString(),
      status: row.status,
      quarantineReason: row.quarantine_reason,
      jobCount: row.job_count,
      changeCount: row.change_count,
      ignored: (row.ignored_changes ?? []).map((c) => ({ reason: c.reason, field: c.field ?? null, pageId: c.pageId ?? null })),
    }));
  }

  private queues(): Promise<MetaQueueDepth[]> {
    return Promise.all(
      [this.leadQueue].map(async (queue) => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        return {
          queue: queue.name,
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
          completedKept: completedJobsKept(queue.defaultJobOptions.removeOnComplete),
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
