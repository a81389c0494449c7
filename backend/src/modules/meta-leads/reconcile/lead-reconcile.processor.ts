import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QUEUES } from '../../../infra/queue/queue-names';
import { WorkerProcessor } from '../../../infra/queue/worker-processor.decorator';
import { LeadReconcileService, SweepStoppedError } from './lead-reconcile.service';
import { ReconcileFanoutService } from './reconcile-fanout.service';
import { LEAD_RECONCILE_JOBS, type ReconcileFormJobData } from './reconcile-jobs';

/**
 * The `meta-sync` queue: `reconcile-all` (scheduled) fans out into one `reconcile-form` job per auto-sync form.
 * Error kinds become job outcomes: auth and permission fail for good (retrying a refused token changes nothing;
 * the connection is already paused), a rate limit ends the job quietly (the watermark did not move, so the next
 * run reads the same leads), anything transient is thrown for BullMQ to retry with backoff.
 */
@WorkerProcessor(QUEUES.metaSync, { concurrency: 2 })
export class LeadReconcileProcessor extends WorkerHost {
  private readonly logger = new Logger(LeadReconcileProcessor.name);

  constructor(
    private readonly fanout: ReconcileFanoutService,
    private readonly reconcile: LeadReconcileService,
  ) {
    super();
  }

  async process(job: Job): Promise<object> {
    switch (job.name) {
      case LEAD_RECONCILE_JOBS.all:
        return this.fanout.enqueueSweeps(job.timestamp);
      case LEAD_RECONCILE_JOBS.form:
        return this.sweep(job as Job<ReconcileFormJobData>);
      default:
        this.logger.warn(`Unknown meta-sync job "${job.name}"`);
        throw new UnrecoverableError(`Unknown meta-sync job "${job.name}"`);
    }
  }

  private async sweep(job: Job<ReconcileFormJobData>): Promise<object> {
    try {
      const result = await this.reconcile.sweepForm(job.data.organisationId, job.data.leadFormId);
      return { ...result, watermark: result.watermark?.toISOString() ?? null };
    } catch (error) {
      if (!(error instanceof SweepStoppedError)) throw error;
      const kind = error.graphError.kind;
      if (kind === 'rate_limited') return { status: 'stopped', reason: 'rate_limited', retryAfterMs: error.graphError.retryAfterMs, ...error.partial };
      if (kind === 'auth' || kind === 'permission' || kind === 'validation') throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
