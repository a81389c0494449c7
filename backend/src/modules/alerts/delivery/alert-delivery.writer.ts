import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { AlertEventType } from '@legeai/contracts';
import type { EntityManager } from 'typeorm';
import { alertsConfig } from '../../../config/alerts.config';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { renderMail, type Notice } from './mail-render';
import { MailOutboxRepository, type QueuedMail } from './mail-outbox.repository';
import type { Recipient } from './recipients';

export interface Delivery extends Notice {
  organisationId: string;
  eventType: AlertEventType;
  alertId: string | null;
}

/**
 * Writes a notice's deliveries in the caller's transaction (outbox-style): a console notification per recipient who
 * wants one, and a mail in the outbox per recipient who wants email. Answers the mails, to be queued after commit.
 */
@Injectable()
export class AlertDeliveryWriter {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mails: MailOutboxRepository,
    @Inject(alertsConfig.KEY) private readonly config: ConfigType<typeof alertsConfig>,
  ) {}

  async write(m: EntityManager, delivery: Delivery, recipients: readonly Recipient[]): Promise<QueuedMail[]> {
    const { organisationId, eventType, alertId, kind, title, body, link } = delivery;
    await this.notifications.insertMany(
      m,
      recipients.filter((r) => r.inApp).map((r) => ({ organisationId, userId: r.member.id, alertId, eventType, kind, title, body, link })),
    );
    return this.mails.insertMany(
      m,
      recipients
        .filter((r) => r.email)
        .map((r) => ({
          organisationId,
          userId: r.member.id,
          to: r.member.email,
          from: this.config.mailFrom,
          ...renderMail(delivery, r.member.name, this.config.publicUrl),
        })),
    );
  }
}
