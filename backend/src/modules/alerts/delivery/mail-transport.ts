import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import { alertsConfig } from '../../../config/alerts.config';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * The SMTP side of the mail outbox (nodemailer, https://nodemailer.com/smtp/): one pooled transport from SMTP_URL.
 * Without SMTP_URL there is none, and mails stay in the outbox.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(@Inject(alertsConfig.KEY) private readonly config: ConfigType<typeof alertsConfig>) {}

  /** Whether mails leave over SMTP (SMTP_URL is set). */
  get configured(): boolean {
    return this.config.smtpUrl !== null;
  }

  /** Sends one mail; answers the server's message id. Throws what the server or the connection refused. */
  async send(mail: OutgoingMail): Promise<string | null> {
    const info = (await this.transport().sendMail(mail)) as { messageId?: string };
    return info.messageId ?? null;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private transport(): Transporter {
    if (!this.config.smtpUrl) throw new Error('No SMTP server is configured');
    // Short timeouts: a hung server fails the try (retried later) instead of holding a worker slot.
    this.transporter ??= createTransport(this.config.smtpUrl, {
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as object);
    return this.transporter;
  }
}
