import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WebhookInboxRepository } from '../inbox/webhook-inbox.repository';
import { WebhookDispatchService } from '../ingest/webhook-dispatch.service';
import { CheckResult, EnqueuedInboxCheck } from './enqueued-inbox-check.service';

/** How old a `received` row must be before the relay takes it (see relayPending). */
export const RELAY_MIN_AGE_MS = 5_000;
/** Rows per dispatch batch (one Page lookup, one enqueue, one update each). */
const RELAY_BATCH = 100;

export interface RelayResult {
  enqueued: number;
  ignored: number;
  /** Rows still `received` after this run (the queue is still down). */
  pending: number;
}

/**
 * Queues the lead jobs of deliveries that were stored while the queue backend was unreachable (rows left
 * `received`). Runs at start-up and on the `relay-webhook-inbox` schedule, which then also checks the `enqueued` rows
 * against the queue and their leads (EnqueuedInboxCheck). Re-running it is harmless: job ids are deterministic and
 * rows only move away from `received`.
 */
@Injectable()
export class WebhookInboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookInboxRelayService.name);
  private startup?: Promise<unknown>;

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly dispatcher: WebhookDispatchService,
    private readonly enqueued: EnqueuedInboxCheck,
  ) {}

  /** The `relay-webhook-inbox` job: queue what was stored but never queued, then check what was queued. */
  async run(): Promise<RelayResult & Partial<CheckResult>> {
    const relayed = await this.relayPending();
    // The queue backend is down: the check would only wait out its timeout. The next run does it.
    if (relayed.pending > 0) return relayed;
    return { ...relayed, ...(await this.enqueued.checkEnqueued()) };
  }

  /** Not awaited: start-up must not wait for a queue backend that may be down; the schedule retries. */
  onApplicationBootstrap(): void {
    this.startup = this.relayPending().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Start-up relay of the webhook inbox failed; the schedule will retry'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.startup;
  }

  /**
   * Rows younger than `minAgeMs` are skipped: the process that stored them is normally queueing their jobs right
   * after its answer (WebhookAfterAck), and relaying them at the same moment would only do the work twice.
   */
  async relayPending(limit = 1_000, minAgeMs = RELAY_MIN_AGE_MS): Promise<RelayResult> {
    const rows = await this.inbox.receivedBefore(new Date(Date.now() - minAgeMs), limit);
    const result: RelayResult = { enqueued: 0, ignored: 0, pending: 0 };
    for (let start = 0; start < rows.length; start += RELAY_BATCH) {
      const outcomes = await this.dispatcher.dispatchMany(rows.slice(start, start + RELAY_BATCH));
      const ignored = outcomes.filter((outcome) => outcome === 'ignored').length;
      result.ignored += ignored;
      if (outcomes.includes('pending')) {
        // The queue is down: trying the rest now would only wait out one timeout per batch.
        result.pending = rows.length - start - ignored;
        break;
      }
      result.enqueued += outcomes.length - ignored;
    }
    if (rows.length) this.logger.log(result, 'Relayed stored webhook deliveries');
    return result;
  }
}
