import { Injectable } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_CATALOG_JOBS, META_CATALOG_QUEUE, type SyncCatalogJobData } from '../meta-catalog.jobs';
import { CatalogSyncService } from './catalog-sync.service';

/** Thin: `sync-all` opens the organisations' syncs, `sync-catalog` runs one; the service decides what happens next. */
@Injectable()
export class CatalogSyncJobHandlers {
  constructor(private readonly sync: CatalogSyncService) {}

  @JobHandler(META_CATALOG_QUEUE, META_CATALOG_JOBS.syncAll)
  syncAll(): Promise<object> {
    return this.sync.openAll();
  }

  @JobHandler(META_CATALOG_QUEUE, META_CATALOG_JOBS.syncCatalog)
  async syncCatalog(job: Job<SyncCatalogJobData>, token?: string): Promise<unknown> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sync.run(job.data.organisationId, job.data.syncId, { isLastAttempt });
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
