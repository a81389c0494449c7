import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookInboxStatus } from '@legeai/contracts';
import { Repository } from 'typeorm';
import { WebhookInboxEntry } from '../entities/webhook-inbox-entry.entity';
import { WebhookDispatchService } from '../ingest/webhook-dispatch.service';

export interface RelayResult {
  enqueued: number;
  ignored: number;
  /** Rows still `received` after this run (the queue is still down). */
  pending: number;
}

/**
 * Queues the lead jobs of deliveries that were stored while the queue backend was unreachable (rows left
 * `received`). Runs at start-up and on the `relay-webhook-inbox` schedule. Re-running it is harmless: job ids are
 * deterministic and rows only move away from `received`.
 */
@Injectable()
export class WebhookInboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookInboxRelayService.name);
  private startup?: Promise<unknown>;

  constructor(
    @InjectRepository(WebhookInboxEntry) private readonly inbox: Repository<WebhookInboxEntry>,
    private readonly dispatcher: WebhookDispatchService,
  ) {}

  /** Not awaited: start-up must not wait for a queue backend that may be down; the schedule retries. */
  onApplicationBootstrap(): void {
    this.startup = this.relayPending().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Start-up relay of the webhook inbox failed; the schedule will retry'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.startup;
  }

  async relayPending(limit = 1_000): Promise<RelayResult> {
    const rows = await this.inbox.find({
      select: { id: true, rawBody: true, receivedAt: true },
      where: { status: WebhookInboxStatus.Received },
      order: { receivedAt: 'ASC' },
      take: limit,
    });
    const result: RelayResult = { enqueued: 0, ignored: 0, pending: 0 };
    for (const [index, row] of rows.entries()) {
      const outcome = await this.dispatcher.dispatch(row);
      if (outcome === 'pending') {
        // The queue is down: trying the rest now would only wait out one timeout per row.
        result.pending = rows.length - index;
        break;
      }
      result[outcome] += 1;
    }
    if (rows.length) this.logger.log(result, 'Relayed stored webhook deliveries');
    return result;
  }
}
