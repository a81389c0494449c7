import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from '../../../infra/transactions/after-commit';
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
export class CapiOutboxWriter implements OnModuleInit {
  private readonly logger = new Logger(CapiOutboxWriter.name);
  /** Targets written, queued once their transaction commits. */
  private afterCommit?: AfterCommit<CapiTarget>;

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly outbox: CapiOutboxRepository,
    private readonly sender: CapiSenderService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.afterCommit = new AfterCommit(this.db, (targets) => this.enqueueLater(targets));
    this.hooks.register((m, changes) => this.write(m, changes));
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    // Meta's CRM funnel is stages only: edits, duplicates and kinds added later are not events for it.
    const stages = changes.filter((c) => STAGE_CHANGE_KINDS.has(c.kind));
    if (stages.length === 0) return;
    const targets = await this.outbox.writeForChanges(m, stages);
    this.afterCommit?.add(m, targets);
  }

  /** Not awaited by the commit: a queue that cannot take the job must not fail a change already committed. */
  private enqueueLater(targets: CapiTarget[]): void {
    this.sender.enqueue(targets, 'change').catch((error: unknown) => {
      this.logger.warn({ err: (error as Error).message }, 'Could not queue a Conversions API send; the sweep queues it');
    });
  }
}
