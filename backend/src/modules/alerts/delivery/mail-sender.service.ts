import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { alertsConfig } from '../../../config/alerts.config';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailQueue } from './mail-queue';
import { MailTransport } from './mail-transport';

export type MailOutcome = 'sent' | 'kept' | 'retry' | 'failed' | 'not-due';

/**
 * Sends one mail of the outbox: over SMTP when configured, else it is kept in the outbox for the console. A failed
 * try is retried by the row (due again after a doubling delay, a new job queued), up to ALERTS_MAIL_ATTEMPTS.
 */
@Injectable()
export class MailSenderService {
  private readonly logger = new Logger(MailSenderService.name);

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    private readonly queue: MailQueue,
    @Inject(alertsConfig.KEY) private readonly config: ConfigType<typeof alertsConfig>,
  ) {}

  async send(mailId: string): Promise<MailOutcome> {
    const mail = await this.outbox.claim(mailId);
    if (!mail) return 'not-due';
    if (!this.transport.configured) {
      await this.outbox.markKept(mail.id);
      return 'kept';
    }
    try {
      const messageId = await this.transport.send({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      await this.outbox.markSent(mail.id, messageId);
      return 'sent';
    } catch (error) {
      const tries = mail.attempts + 1;
      const final = tries >= this.config.mailAttempts;
      const message = (error as Error).message;
      const next = await this.outbox.markTryFailed(mail.id, message, final, this.config.mailRetryDelayMs * 2 ** (tries - 1));
      this.logger.warn({ mailId: mail.id, tries, final, err: message }, 'An alert mail was not sent');
      if (final) return 'failed';
      await this.queue.enqueue([next]);
      return 'retry';
    }
  }
}
