import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_CONVERSIONS_JOBS, META_CONVERSIONS_QUEUE, type SendEventsJobData } from '../meta-conversions.jobs';
import { CapiSenderService } from './capi-sender.service';

/**
 * Thin: the sweep queues sends, a send sends one dataset's due events. A throttled send goes back to delayed until
 * Meta's regain time without spending an attempt; a transient failure is thrown for the queue's backoff (its events
 * stay due, and on the last attempt they are marked failed by the sender).
 */
@Injectable()
export class CapiSendJobHandlers {
  constructor(private readonly sender: CapiSenderService) {}

  @JobHandler(META_CONVERSIONS_QUEUE, META_CONVERSIONS_JOBS.sweep)
  sweep(): Promise<object> {
    return this.sender.sweep();
  }

  @JobHandler(META_CONVERSIONS_QUEUE, META_CONVERSIONS_JOBS.send)
  async send(job: Job<SendEventsJobData>, token?: string): Promise<unknown> {
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sender.send({ organisationId: job.data.organisationId, datasetId: job.data.datasetId }, { isLastAttempt });
    switch (outcome.next) {
      case 'done':
        return outcome.summary;
      case 'delay':
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError();
      case 'retry':
        throw outcome.error;
    }
  }
}
