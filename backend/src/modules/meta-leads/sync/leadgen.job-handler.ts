import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { LEADGEN_JOB_NAME, META_LEADS_QUEUE, type LeadgenJobData } from '../meta-leads.jobs';
import { LeadSyncService } from './lead-sync.service';

/**
 * Thin: a `leadgen` job goes to LeadSyncService. A rate-limited job, or one whose connection's Graph calls are
 * paused, is moved back to delayed without spending an attempt; a transient failure is thrown for the queue's
 * backoff. How many run at once, and the ramp that starts a burst, are the queue's (meta-leads.jobs.ts).
 */
@Injectable()
export class LeadgenJobHandler {
  constructor(private readonly sync: LeadSyncService) {}

  @JobHandler(META_LEADS_QUEUE, LEADGEN_JOB_NAME)
  async run(job: Job<LeadgenJobData>, token?: string): Promise<unknown> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sync.handle(job.data, { isLastAttempt });
    if (outcome.next === 'delay') {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    return outcome.summary;
  }
}
