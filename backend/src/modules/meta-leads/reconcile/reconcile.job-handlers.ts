import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { decideGraphSync } from '../../../infra/meta-sync';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { LEAD_RECONCILE_JOBS, META_LEADS_QUEUE, type ReconcileFormJobData } from '../meta-leads.jobs';
import { LeadReconcileService, SweepStoppedError } from './lead-reconcile.service';
import { ReconcileFanoutService } from './reconcile-fanout.service';

/**
 * The reconciliation's jobs: `reconcile-all` (scheduled) fans out into one `reconcile-form` job per auto-sync form.
 * Meta's errors become job outcomes through the sync policy (infra/meta-sync): `park` and `fail` fail for good
 * (retrying a refused token changes nothing; the connection is already paused), `delay` (a rate limit) ends the job
 * quietly (the watermark did not move, so the next run reads the same leads), `retry` is thrown for BullMQ to retry
 * with backoff.
 */
@Injectable()
export class ReconcileJobHandlers {
  constructor(
    private readonly fanout: ReconcileFanoutService,
    private readonly reconcile: LeadReconcileService,
  ) {}

  /** `job.timestamp` names the scheduled run, so a retried run enqueues the same job ids (ignored by BullMQ). */
  @JobHandler(META_LEADS_QUEUE, LEAD_RECONCILE_JOBS.all)
  reconcileAll(job: Job<Record<string, never>>): Promise<object> {
    return this.fanout.enqueueSweeps(job.timestamp);
  }

  @JobHandler(META_LEADS_QUEUE, LEAD_RECONCILE_JOBS.form)
  async reconcileForm(job: Job<ReconcileFormJobData>): Promise<object> {
    try {
      const result = await this.reconcile.sweepForm(job.data.organisationId, job.data.leadFormId);
      return { ...result, watermark: result.watermark?.toISOString() ?? null };
    } catch (error) {
      if (!(error instanceof SweepStoppedError)) throw error;
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // Only the action matters here: a delayed sweep is not delayed, the next scheduled run picks it up.
      const decision = decideGraphSync(error.graphError, { isLastAttempt, rateLimitPauseMs: 0 });
      switch (decision.action) {
        case 'delay':
          return { status: 'stopped', reason: 'rate_limited', retryAfterMs: error.graphError.retryAfterMs, ...error.partial };
        case 'park':
        case 'fail':
          throw new UnrecoverableError(error.message);
        case 'retry':
          throw error;
      }
    }
  }
}
