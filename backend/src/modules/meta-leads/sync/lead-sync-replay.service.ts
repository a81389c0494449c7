import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, LeadSyncState, type LeadSyncDto, type ReplayableLeadSyncState, type ReplayLeadSyncsResult } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../common/auth/principal';
import { ApiError } from '../../../common/errors/api-error';
import { AuditService } from '../../audit';
import { LEADGEN_JOB_NAME, LEADGEN_JOB_OPTIONS, leadgenReplayJobId, META_LEADS_QUEUE_NAME, type LeadgenJobData } from '../meta-leads.jobs';
import { LeadSyncQueryService } from './lead-sync-query.service';

interface ClaimedReplay {
  id: string;
  page_id: string;
  form_id: string | null;
  leadgen_id: string;
  inbox_id: string | null;
  received_at: Date;
  replays: number;
}

const ENQUEUE_CHUNK = 500;

/**
 * Runs leads through the pipeline again: one from the console, all failed or parked ones, or every parked one of an
 * organisation after it reconnects. Each replay is a new job with a deterministic id (leadgenReplayJobId:
 * `leadgen:<page>:<lead>-r<n>`), so it is never swallowed by the completed original; the store's unique key makes
 * sure it cannot create a second lead.
 */
@Injectable()
export class LeadSyncReplayService {
  private readonly logger = new Logger(LeadSyncReplayService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(META_LEADS_QUEUE_NAME) private readonly queue: Queue<LeadgenJobData>,
    private readonly query: LeadSyncQueryService,
    private readonly audit: AuditService,
  ) {}

  async replayOne(principal: Principal, id: string): Promise<LeadSyncDto> {
    const [claimed] = await this.claim(principal.organisationId, `id = $2`, [id]);
    if (!claimed) throw new ApiError(404, ErrorCode.NotFound, 'Lead sync not found');
    await this.enqueue([claimed]);
    await this.audit.recordBy(
      principal,
      'meta.lead_sync_replayed',
      { type: 'meta_lead_sync', id },
      {
        leadgenId: claimed.leadgen_id,
        replay: claimed.replays,
        before: { replays: claimed.replays - 1 },
        after: { replays: claimed.replays },
      },
    );
    return this.query.get(principal.organisationId, id);
  }

  async replayState(principal: Principal, state: ReplayableLeadSyncState): Promise<ReplayLeadSyncsResult> {
    const claimed = await this.claim(principal.organisationId, `state = $2`, [state]);
    await this.enqueue(claimed);
    await this.audit.recordBy(principal, 'meta.lead_syncs_replayed', undefined, {
      state,
      count: claimed.length,
      ...(claimed.length > 0 && { before: { state }, after: { state: LeadSyncState.Pending } }),
    });
    return { replayed: claimed.length };
  }

  /**
   * After a reconnect (or the organisation's reactivation): replays the leads parked while the connection was broken
   * (or the organisation suspended). Never throws (the reconnect itself succeeded); what could not be enqueued stays
   * parked and can be replayed from the console.
   */
  async replayParked(organisationId: string, reason: 'reconnected' | 'reactivated' = 'reconnected'): Promise<number> {
    try {
      const claimed = await this.claim(organisationId, `state = $2`, [LeadSyncState.Parked]);
      if (claimed.length === 0) return 0;
      await this.enqueue(claimed);
      await this.audit.recordSystem(organisationId, 'meta.lead_syncs_replayed', undefined, {
        state: LeadSyncState.Parked,
        count: claimed.length,
        reason,
        before: { state: LeadSyncState.Parked },
        after: { state: LeadSyncState.Pending },
      });
      this.logger.log({ organisationId, count: claimed.length }, `Replaying parked leads (${reason})`);
      return claimed.length;
    } catch (error) {
      this.logger.error({ organisationId, err: error }, 'Replaying parked leads after a reconnect failed; they stay parked');
      return 0;
    }
  }

  /** Counts the replay and moves failed/parked/skipped rows back to pending; finished rows keep their state. */
  private async claim(organisationId: string, where: string, params: unknown[]): Promise<ClaimedReplay[]> {
    const result = (await this.db.query(
      `UPDATE meta_lead_syncs SET replays = replays + 1, updated_at = now(),
              state = CASE WHEN state IN ('failed', 'parked', 'skipped') THEN 'pending'::meta_lead_sync_state ELSE state END
        WHERE organisation_id = $1 AND ${where}
        RETURNING id, page_id, form_id, leadgen_id, inbox_id, received_at, replays`,
      [organisationId, ...params],
    )) as [ClaimedReplay[], number];
    return result[0];
  }

  private async enqueue(rows: ClaimedReplay[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      await this.queue.addBulk(
        rows.slice(i, i + ENQUEUE_CHUNK).map((row) => ({
          name: LEADGEN_JOB_NAME,
          data: {
            leadgenId: row.leadgen_id,
            pageId: row.page_id,
            formId: row.form_id,
            adId: null,
            adgroupId: null,
            createdTime: null,
            inboxId: row.inbox_id ?? '',
            receivedAt: new Date(row.received_at).toISOString(),
            replay: row.replays,
          },
          opts: { ...LEADGEN_JOB_OPTIONS, jobId: leadgenReplayJobId(row.page_id, row.leadgen_id, row.replays) },
        })),
      );
    }
  }
}
