import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { LeadLifecycleHooks, STAGE_CHANGE_KINDS, type LeadLifecycleChange } from '../../leads';
import { CapiSenderService } from '../send/capi-sender.service';
import { CapiOutboxRepository, type CapiTarget } from './capi-outbox.repository';

/**
 * The transactional outbox: listens to the lead store's lifecycle (LeadLifecycleHooks) and writes the events of a
 * change in the change's own transaction, so a crash never loses one. Their sends are queued only once that
 * transaction commits (a job must not look for rows it cannot see yet); if the process dies in between, or the
 * queue refuses, the sweep (`meta-conversions:sweep-events`) queues them.
 */
@Injectable()
export class CapiOutboxWriter implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(CapiOutboxWriter.name);
  /** Targets written by a transaction still open, by its query runner. */
  private readonly pending = new WeakMap<QueryRunner, CapiTarget[]>();

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly outbox: CapiOutboxRepository,
    private readonly sender: CapiSenderService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, changes) => this.write(m, changes));
    // TypeORM reads its subscribers at each broadcast: joining here hears every transaction's commit.
    this.db.subscribers.push(this);
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    // Meta's CRM funnel is stages only: edits, duplicates and kinds added later are not events for it.
    const stages = changes.filter((c) => STAGE_CHANGE_KINDS.has(c.kind));
    if (stages.length === 0) return;
    const targets = await this.outbox.writeForChanges(m, stages);
    if (targets.length === 0) return;
    const runner = m.queryRunner;
    if (runner?.isTransactionActive) {
      this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...targets]);
      return;
    }
    this.enqueueLater(targets);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release is reported too; only the outermost commit makes the rows visible.
    if (event.queryRunner.isTransactionActive) return;
    const targets = this.pending.get(event.queryRunner);
    if (!targets) return;
    this.pending.delete(event.queryRunner);
    this.enqueueLater(targets);
  }

  afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /** Not awaited by the commit: a queue that cannot take the job must not fail a change already committed. */
  private enqueueLater(targets: CapiTarget[]): void {
    this.sender.enqueue(targets, 'change').catch((error: unknown) => {
      this.logger.warn({ err: (error as Error).message }, 'Could not queue a Conversions API send; the sweep queues it');
    });
  }
}
