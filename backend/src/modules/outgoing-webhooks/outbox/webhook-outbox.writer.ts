import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from '../../../infra/transactions/after-commit';
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
export class WebhookOutboxWriter implements OnModuleInit {
  private readonly logger = new Logger(WebhookOutboxWriter.name);
  /** Endpoints given deliveries, queued once their transaction commits. */
  private afterCommit?: AfterCommit<EndpointTarget>;

  constructor(
    private readonly hooks: LeadLifecycleHooks,
    private readonly outbox: WebhookOutboxRepository,
    private readonly queue: WebhookDeliveryQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.afterCommit = new AfterCommit(this.db, (targets) => this.enqueueLater(targets));
    this.hooks.register((m, changes) => this.write(m, changes));
  }

  async write(m: EntityManager, changes: readonly LeadLifecycleChange[]): Promise<void> {
    const events = changes.map(leadWebhookEvent).filter((e) => e !== null);
    if (events.length === 0) return;
    const targets = await this.outbox.writeLeadEvents(m, events);
    this.afterCommit?.add(m, targets);
  }

  /** Not awaited by the commit: a queue that cannot take the job must not fail a change already committed. */
  private enqueueLater(targets: EndpointTarget[]): void {
    this.queue.enqueue(targets, 'change').catch((error: unknown) => {
      this.logger.warn({ err: (error as Error).message }, 'Could not queue a webhook send; the sweep queues it');
    });
  }
}
