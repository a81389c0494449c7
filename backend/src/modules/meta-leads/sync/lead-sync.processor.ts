import { WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { QUEUES } from '../../../infra/queue/queue-names';
import { ConcurrencyRamp } from '../../../infra/queue/concurrency-ramp';
import { WorkerProcessor } from '../../../infra/queue/worker-processor.decorator';
import { LEAD_READS_PER_BATCH } from '../graph/lead-fetcher.service';
import { LEADGEN_JOB_NAME } from '../meta-leads.jobs';
import { leadSyncConfig } from '../../../config/lead-sync.config';
import type { LeadgenJobData } from '../meta-leads.jobs';
import { LeadSyncService } from './lead-sync.service';

/**
 * Thin: a `leadgen` job goes to LeadSyncService. Many jobs run at once so that their Graph reads, which share a Page
 * token, are coalesced into batch calls; the concurrency comes from configuration. A rate-limited job is moved back
 * to delayed without spending an attempt; a transient failure is thrown for the queue's backoff.
 */
@WorkerProcessor(QUEUES.metaWebhook, { concurrency: 50 })
export class LeadSyncProcessor extends WorkerHost implements OnApplicationBootstrap {
  private ramp?: ConcurrencyRamp;

  constructor(
    private readonly sync: LeadSyncService,
    @Inject(leadSyncConfig.KEY) private readonly config: ConfigType<typeof leadSyncConfig>,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // A burst starts with one Graph batch's worth of jobs, so its first read leaves after 50 job fetches, not 150.
    this.ramp = new ConcurrencyRamp(this.worker, LEAD_READS_PER_BATCH, this.config.concurrency);
  }

  async process(job: Job<LeadgenJobData>, token?: string): Promise<unknown> {
    this.ramp?.jobStarted();
    if (job.name !== LEADGEN_JOB_NAME) throw new UnrecoverableError(`Unknown job ${job.name} on ${QUEUES.metaWebhook}`);
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sync.handle(job.data, { isLastAttempt });
    if (outcome.next === 'delay') {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    return outcome.summary;
  }
}
