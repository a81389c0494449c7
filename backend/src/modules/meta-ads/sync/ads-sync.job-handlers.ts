import { Injectable } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_ADS_JOBS, META_ADS_QUEUE, type SyncAccountJobData } from '../meta-ads.jobs';
import { AdsSyncService } from './ads-sync.service';

/**
 * Thin: `sync-all` queues the accounts' syncs, `sync-account` runs one. A throttled sync goes back to delayed until
 * Meta's regain time without spending an attempt; a transient failure is thrown for the queue's backoff; auth,
 * permission and refused requests fail for good (the state row says why, the next schedule tries again).
 */
@Injectable()
export class AdsSyncJobHandlers {
  constructor(private readonly sync: AdsSyncService) {}

  @JobHandler(META_ADS_QUEUE, META_ADS_JOBS.syncAll)
  syncAll(): Promise<object> {
    return this.sync.enqueueAll();
  }

  @JobHandler(META_ADS_QUEUE, META_ADS_JOBS.syncAccount)
  async syncAccount(job: Job<SyncAccountJobData>, token?: string): Promise<unknown> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sync.syncAccount(job.data.organisationId, job.data.adAccountId, { isLastAttempt });
    switch (outcome.next) {
      case 'done':
        return outcome.summary;
      case 'delay':
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      case 'retry':
        throw outcome.error;
      case 'fail':
        throw new UnrecoverableError(outcome.message);
    }
  }
}
