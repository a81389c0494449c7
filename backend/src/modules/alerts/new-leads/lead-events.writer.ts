import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { LeadLifecycleHooks, type LeadLifecycleChange } from '../../leads';
import { ALERTS_JOBS, ALERTS_QUEUE_NAME, dispatchNewLeadsJobOptions } from '../alerts.jobs';
import { LeadEventsRepository } from './lead-events.repository';

/**
 * The new-lead outbox: a listener of the lead store's lifecycle that writes a row per created lead in the lead's own
 * transaction (never a call out of the database), and queues the organisation's dispatch once that transaction
 * commits. If the process dies in between, the sweep queues it.
 */
@Injectable()
export class LeadEventsWriter implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(LeadEventsWriter.name);
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly events: LeadEventsRepository,
    @InjectQueue(ALERTS_QUEUE_NAME) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, changes) => this.write(m, changes));
    this.db.subscribers.push(this);
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    const created = changes.filter((change) => change.kind === 'created');
    const organisations = await this.events.insertCreated(
      m,
      created.map((c) => ({ organisationId: c.organisationId, leadId: c.leadId, at: c.at })),
    );
    if (!organisations.length) return;
    const runner = m.queryRunner;
    if (runner?.isTransactionActive) {
      const set = this.pending.get(runner) ?? new Set<string>();
      organisations.forEach((id) => set.add(id));
      this.pending.set(runner, set);
      return;
    }
    this.enqueueLater(organisations);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const organisations = this.pending.get(event.queryRunner);
    if (!organisations) return;
    this.pending.delete(event.queryRunner);
    this.enqueueLater([...organisations]);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
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
