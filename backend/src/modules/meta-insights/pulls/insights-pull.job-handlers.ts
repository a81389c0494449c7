import { Injectable } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_INSIGHTS_JOBS, META_INSIGHTS_QUEUE, type PullAccountJobData, type PullAllJobData } from '../meta-insights.jobs';
import { InsightsPullQueue } from './insights-pull-queue.service';
import { InsightsPullService } from './insights-pull.service';

/**
 * Thin: `pull-all` queues the accounts' pulls, `pull-account` runs one. A throttled pull goes back to delayed until
 * its pause ends without spending an attempt (remembering how many pauses it had and the reports it finished); a
 * transient failure is thrown for the queue's backoff; the rest fail for good (the pull row says why).
 */
@Injectable()
export class InsightsPullJobHandlers {
  constructor(
    private readonly queue: InsightsPullQueue,
    private readonly pulls: InsightsPullService,
  ) {}

  @JobHandler(META_INSIGHTS_QUEUE, META_INSIGHTS_JOBS.pullAll)
  pullAll(job: Job<PullAllJobData>): Promise<object> {
    return this.queue.enqueueAll(job.data.trigger === 'lookback' ? 'lookback' : 'today');
  }

  @JobHandler(META_INSIGHTS_QUEUE, META_INSIGHTS_JOBS.pullAccount)
  async pullAccount(job: Job<PullAccountJobData>, token?: string): Promise<unknown> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.pulls.run(job.data, { isLastAttempt }, (done) => job.updateData({ ...job.data, done }));
    switch (outcome.next) {
      case 'done':
        return outcome.summary;
      case 'delay':
        if (outcome.throttled) await job.updateData({ ...job.data, throttles: (job.data.throttles ?? 0) + 1 });
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      case 'retry':
        throw outcome.error;
      case 'fail':
        throw new UnrecoverableError(outcome.message);
    }
  }
}
