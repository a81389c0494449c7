import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlertEventType } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationsService } from '../../organisations';
import { UsersService } from '../../users';
import { ALERTS_JOBS, ALERTS_QUEUE_NAME, evaluateOrganisationJobOptions } from '../alerts.jobs';
import { AlertConditionRegistry } from '../conditions/alert-condition-registry';
import { AlertDeliveryWriter, type Delivery } from '../delivery/alert-delivery.writer';
import type { QueuedMail } from '../delivery/mail-outbox.repository';
import { MailQueue } from '../delivery/mail-queue';
import { recipientsOf, type Member, type StoredPreference } from '../delivery/recipients';
import { PreferencesRepository } from '../notifications/preferences.repository';
import { AlertSettingsService } from '../settings/alert-settings.service';
import { planAlerts, type SourceOutcome } from './alert-plan';
import { AlertsRepository } from './alerts.repository';

export interface EvaluationSummary {
  raised: number;
  resolved: number;
  failedSources: string[];
}

/**
 * Evaluates an organisation's conditions and applies the plan (alert-plan.ts) in one transaction: new alerts with
 * their deliveries (console notifications and outbox mails), last-seen times, resolutions with theirs. The mails are
 * queued after the commit; the sweep queues any a crash left.
 */
@Injectable()
export class AlertEvaluatorService {
  private readonly logger = new Logger(AlertEvaluatorService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(ALERTS_QUEUE_NAME) private readonly queue: Queue,
    private readonly registry: AlertConditionRegistry,
    private readonly alerts: AlertsRepository,
    private readonly settings: AlertSettingsService,
    private readonly preferences: PreferencesRepository,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly deliveries: AlertDeliveryWriter,
    private readonly mailQueue: MailQueue,
  ) {}

  /** The schedule's job: one evaluation per organisation (deduplicated per organisation). */
  async enqueueAll(): Promise<{ organisations: number }> {
    const ids = await this.organisations.listIds();
    await this.queue.addBulk(
      ids.map((organisationId) => ({
        name: ALERTS_JOBS.evaluateOrganisation,
        data: { organisationId },
        opts: evaluateOrganisationJobOptions(organisationId),
      })),
    );
    return { organisations: ids.length };
  }

  async evaluate(organisationId: string, now = new Date()): Promise<EvaluationSummary> {
    const settings = await this.settings.get(organisationId);
    const outcomes: SourceOutcome[] = await Promise.all(
      this.registry.list().map(async (source) => {
        try {
          return { source: source.id, findings: await source.evaluate({ organisationId, settings, now }) };
        } catch (error) {
          this.logger.warn({ organisationId, source: source.id, err: (error as Error).message }, 'An alert condition source failed');
          return { source: source.id, findings: null };
        }
      }),
    );
    const mails: QueuedMail[] = [];
    const summary = await this.db.transaction(async (m) => {
      // One evaluation of an organisation at a time across instances: the plan is made from what is open now.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('alerts:' || $1))`, [organisationId]);
      const plan = planAlerts(await this.alerts.open(m, organisationId), outcomes);
      await this.alerts.touch(
        m,
        plan.seen.map((alert) => alert.id),
      );
      if (!plan.raise.length && !plan.resolve.length) return { raised: 0, resolved: 0 };
      const audience = await this.audience(m, organisationId);
      let raised = 0;
      for (const finding of plan.raise) {
        const alertId = await this.alerts.insertOpen(m, organisationId, finding);
        if (!alertId) continue;
        raised++;
        mails.push(...(await this.deliver(m, audience, { organisationId, alertId, kind: 'raised', ...finding })));
      }
      const resolved = await this.alerts.resolve(
        m,
        plan.resolve.map((alert) => alert.id),
      );
      for (const alert of resolved) {
        mails.push(
          ...(await this.deliver(m, audience, {
            organisationId,
            alertId: alert.id,
            eventType: alert.eventType,
            kind: 'resolved',
            title: alert.title,
            body: `This cleared: ${alert.body}`,
            link: alert.link,
          })),
        );
      }
      return { raised, resolved: resolved.length };
    });
    await this.mailQueue.enqueue(mails);
    return { ...summary, failedSources: outcomes.filter((o) => !o.findings).map((o) => o.source) };
  }

  private async audience(m: EntityManager, organisationId: string): Promise<{ members: Member[]; stored: StoredPreference[] }> {
    const [members, stored] = await Promise.all([
      this.users.activeMembers(organisationId),
      this.preferences.forOrganisation(organisationId, m),
    ]);
    return { members, stored };
  }

  private deliver(
    m: EntityManager,
    audience: { members: Member[]; stored: StoredPreference[] },
    delivery: Delivery & { eventType: AlertEventType },
  ) {
    return this.deliveries.write(m, delivery, recipientsOf(audience.members, delivery.eventType, audience.stored));
  }
}
