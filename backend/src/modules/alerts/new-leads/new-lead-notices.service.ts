import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AlertEventType } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { UsersService } from '../../users';
import { AlertDeliveryWriter } from '../delivery/alert-delivery.writer';
import type { QueuedMail } from '../delivery/mail-outbox.repository';
import { MailQueue } from '../delivery/mail-queue';
import { channelsOf } from '../delivery/recipients';
import { PreferencesRepository } from '../notifications/preferences.repository';
import { LeadEventsRepository } from './lead-events.repository';

const BATCH = 1_000;

/**
 * New-lead notices: immediate ones (one notice per user for the leads a dispatch takes, however many) and the hourly
 * and daily digests (the leads since the user's last digest). Each goes out on the user's channels for new leads.
 */
@Injectable()
export class NewLeadNoticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: LeadEventsRepository,
    private readonly preferences: PreferencesRepository,
    private readonly users: UsersService,
    private readonly deliveries: AlertDeliveryWriter,
    private readonly mailQueue: MailQueue,
  ) {}

  async dispatch(organisationId: string): Promise<{ leads: number }> {
    let total = 0;
    for (;;) {
      const mails: QueuedMail[] = [];
      const taken = await this.db.transaction(async (m) => {
        const n = await this.events.takeUndispatched(m, organisationId, BATCH);
        if (!n) return 0;
        const subscribers = new Set(await this.preferences.immediateSubscribers(m, organisationId));
        if (!subscribers.size) return n;
        const [members, stored] = await Promise.all([
          this.users.activeMembers(organisationId),
          this.preferences.forOrganisation(organisationId, m),
        ]);
        const recipients = members
          .filter((member) => subscribers.has(member.id))
          .map((member) => ({ member, ...channelsOf(member, AlertEventType.NewLead, stored) }))
          .filter((r) => r.inApp || r.email);
        mails.push(
          ...(await this.deliveries.write(
            m,
            {
              organisationId,
              alertId: null,
              eventType: AlertEventType.NewLead,
              kind: 'new_lead',
              title: n === 1 ? 'New lead' : `${n} new leads`,
              body: n === 1 ? 'A lead just arrived.' : `${n} leads just arrived.`,
              link: '/leads',
            },
            recipients,
          )),
        );
        return n;
      });
      await this.mailQueue.enqueue(mails);
      total += taken;
      if (taken < BATCH) return { leads: total };
    }
  }

  async sendDigests(): Promise<{ digests: number }> {
    let sent = 0;
    for (const { userId, organisationId } of await this.preferences.dueDigests()) {
      const mails: QueuedMail[] = [];
      const delivered = await this.db.transaction(async (m) => {
        const since = await this.preferences.takeDigest(m, userId, organisationId);
        if (!since) return false;
        const member = (await this.users.activeMembers(organisationId)).find((u) => u.id === userId);
        const n = await this.events.countBetween(m, organisationId, since);
        if (!member || n === 0) return false;
        const channels = channelsOf(member, AlertEventType.NewLead, await this.preferences.forOrganisation(organisationId, m));
        mails.push(
          ...(await this.deliveries.write(
            m,
            {
              organisationId,
              alertId: null,
              eventType: AlertEventType.NewLead,
              kind: 'digest',
              title: n === 1 ? '1 new lead' : `${n} new leads`,
              body: `${n === 1 ? '1 lead' : `${n} leads`} arrived since ${since.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
              link: '/leads',
            },
            [{ member, ...channels }],
          )),
        );
        return true;
      });
      await this.mailQueue.enqueue(mails);
      if (delivered) sent++;
    }
    return { digests: sent };
  }
}
