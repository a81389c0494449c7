import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ConnectionBreakers, type ClosedBreaker } from '../../meta-auth';
import { leadgenReplayJobId, META_LEADS_QUEUE_NAME, type LeadgenJobData } from '../meta-leads.jobs';

/** Jobs looked up and promoted at once. */
const CHUNK = 200;

/**
 * When a connection's Graph calls resume (its breaker closed), runs the lead jobs that were waiting for it now
 * instead of at the probe time they were delayed to: the timeline names them (`pending`, error kind `paused`), and
 * their job ids follow from the row (`leadgen:<page>:<lead>`, `-r<n>` for a replay).
 */
@Injectable()
export class PausedLeadJobs implements OnModuleInit {
  private readonly logger = new Logger(PausedLeadJobs.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(META_LEADS_QUEUE_NAME) private readonly queue: Queue<LeadgenJobData>,
    private readonly breakers: ConnectionBreakers,
  ) {}

  onModuleInit(): void {
    this.breakers.onClosed((closed) => this.resume(closed));
  }

  /** Promotes the organisation's lead jobs that wait for the breaker; answers how many. */
  async resume({ organisationId }: Pick<ClosedBreaker, 'organisationId'>): Promise<number> {
    const rows: { page_id: string; leadgen_id: string; replays: number }[] = await this.db.query(
      `SELECT page_id, leadgen_id, replays FROM meta_lead_syncs WHERE organisation_id = $1 AND state = $2 AND error_kind = 'paused'`,
      [organisationId, LeadSyncState.Pending],
    );
    let promoted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const ids = rows.slice(i, i + CHUNK).map((row) => leadgenReplayJobId(row.page_id, row.leadgen_id, row.replays));
      const jobs = await Promise.all(ids.map((id) => this.queue.getJob(id)));
      const results = await Promise.all(
        jobs.map(async (job) => {
          if (!job || !(await job.isDelayed())) return false;
          // A job that started meanwhile is no longer delayed: promote refuses it, which is fine.
          return job.promote().then(
            () => true,
            () => false,
          );
        }),
      );
      promoted += results.filter(Boolean).length;
    }
    if (promoted) this.logger.log({ organisationId, promoted }, 'Lead jobs that waited for paused Graph calls run now');
    return promoted;
  }
}
