import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ALERTS_QUEUE_NAME, sendMailJob } from '../alerts.jobs';
import type { QueuedMail } from './mail-outbox.repository';

/** Queues the send jobs of committed mails. A refusal is logged, not thrown: the row is there, the sweep queues it. */
@Injectable()
export class MailQueue {
  private readonly logger = new Logger(MailQueue.name);

  constructor(@InjectQueue(ALERTS_QUEUE_NAME) private readonly queue: Queue) {}

  async enqueue(mails: readonly QueuedMail[]): Promise<void> {
    if (!mails.length) return;
    try {
      await this.queue.addBulk(mails.map((mail) => sendMailJob(mail.id, new Date(mail.nextAttemptAt))));
    } catch (error) {
      this.logger.warn({ err: (error as Error).message, mails: mails.length }, 'Could not queue mails; the sweep queues them');
    }
  }
}
