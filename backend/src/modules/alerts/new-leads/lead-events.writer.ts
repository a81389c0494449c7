import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from '../../../infra/transactions/after-commit';
import { LeadLifecycleHooks, type LeadLifecycleChange } from '../../leads';
import { ALERTS_JOBS, ALERTS_QUEUE_NAME, dispatchNewLeadsJobOptions } from '../alerts.jobs';
import { LeadEventsRepository } from './lead-events.repository';

/**
 * The new-lead outbox: a listener of the lead store's lifecycle that writes a row per created lead in the lead's own
 * transaction (never a call out of the database), and queues the organisation's dispatch once that transaction
 * commits. If the process dies in between, the sweep queues it.
 */
@Injectable()
export class LeadEventsWriter implements OnModuleInit {
  private readonly logger = new Logger(LeadEventsWriter.name);
  /** Organisations given new-lead rows, their dispatch queued once the transaction commits. */
  private afterCommit?: AfterCommit<string>;

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly events: LeadEventsRepository,
    @InjectQueue(ALERTS_QUEUE_NAME) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.afterCommit = new AfterCommit(this.db, (organisations) => this.enqueueLater([...new Set(organisations)]));
    this.hooks.register((m, changes) => this.write(m, changes));
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    const created = changes.filter((change) => change.kind === 'created');
    const organisations = await this.events.insertCreated(
      m,
      created.map((c) => ({ organisationId: c.organisationId, leadId: c.leadId, at: c.at })),
    );
    this.afterCommit?.add(m, organisations);
  }

  /** Not awaited by the commit: a queue that cannot take the job must not fail a lead already stored. */
  private enqueueLater(organisations: string[]): void {
    this.queue
      .addBulk(
        organisations.map((organisationId) => ({
          name: ALERTS_JOBS.dispatchNewLeads,
          data: { organisationId },
          opts: dispatchNewLeadsJobOptions(organisationId),
        })),
      )
      .catch((error: unknown) => {
        this.logger.warn({ err: (error as Error).message }, 'Could not queue a new-lead dispatch; the sweep queues it');
      });
  }
}
