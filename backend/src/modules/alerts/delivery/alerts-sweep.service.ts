import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ALERTS_JOBS, ALERTS_QUEUE_NAME, dispatchNewLeadsJobOptions, sendMailJob } from '../alerts.jobs';
import { LeadEventsRepository } from '../new-leads/lead-events.repository';
import { MailOutboxRepository } from './mail-outbox.repository';

/** How long a committed row waits for the job its writer queued before the sweep queues one. */
const GRACE_MS = 30_000;

/**
 * What makes the outboxes "never lost": mails still pending past their due time and new-lead events never
 * dispatched are queued again (job ids make a second queueing of the same try harmless); old lead events pruned.
 */
@Injectable()
export class AlertsSweepService {
  constructor(
    @InjectQueue(ALERTS_QUEUE_NAME) private readonly queue: Queue,
    private readonly mails: MailOutboxRepository,
    private readonly leadEvents: LeadEventsRepository,
  ) {}

  async sweep(graceMs = GRACE_MS): Promise<{ mails: number; newLeadDispatches: number; pruned: number }> {
    const overdue = await this.mails.overdue(graceMs);
    if (overdue.length) await this.queue.addBulk(overdue.map((mail) => sendMailJob(mail.id, new Date(mail.nextAttemptAt))));
    const organisations = await this.leadEvents.overdueOrganisations(graceMs);
    if (organisations.length) {
      await this.queue.addBulk(
        organisations.map((organisationId) => ({
          name: ALERTS_JOBS.dispatchNewLeads,
          data: { organisationId },
          opts: dispatchNewLeadsJobOptions(organisationId),
        })),
      );
    }
    return { mails: overdue.length, newLeadDispatches: organisations.length, pruned: await this.leadEvents.prune() };
  }
}
