import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { LeadLifecycleHooks, type LeadLifecycleChange } from '../../leads';
import { WebhookDeliveryQueue } from '../delivery/webhook-delivery.queue';
import { leadWebhookEvent } from './lead-webhook-events';
import { WebhookOutboxRepository, type EndpointTarget } from './webhook-outbox.repository';

/**
 * The transactional outbox: listens to the lead store's lifecycle (LeadLifecycleHooks) and writes the events of a
 * change, and their deliveries, in the change's own transaction, so a crash never loses one; it never calls out.
 * The sends are queued once that transaction commits (a job must not look for rows it cannot see yet); if the
 * process dies in between, or the queue refuses, the sweep (`outgoing-webhooks:sweep-deliveries`) queues them.
 */
@Injectable()
export class WebhookOutboxWriter implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(WebhookOutboxWriter.name);
  /** Endpoints given deliveries by a transaction still open, by its query runner. */
  private readonly pending = new WeakMap<QueryRunner, EndpointTarget[]>();

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly outbox: WebhookOutboxRepository,
    private readonly queue: WebhookDeliveryQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.hooks.register((m, changes) => this.write(m, changes));
    // TypeORM reads its subscribers at each broadcast: joining here hears every transaction's commit.
    this.db.subscribers.push(this);
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    const events = changes.map(leadWebhookEvent).filter((e) => e !== null);
    if (events.length === 0) return;
    const targets = await this.outbox.writeLeadEvents(m, events);
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
  private enqueueLater(targets: EndpointTarget[]): void {
    this.queue.enqueue(targets, 'change').catch((error: unknown) => {
      this.logger.warn({ err: (error as Error).message }, 'Could not queue a webhook send; the sweep queues it');
    });
  }
}
