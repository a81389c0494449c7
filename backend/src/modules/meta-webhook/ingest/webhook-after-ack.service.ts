import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DispatchableRow, WebhookDispatchService } from './webhook-dispatch.service';
import { webhookDispatchBacklog, webhookDispatchLeftToRelay } from './webhook-metrics';

/** Deliveries waiting in memory at most; beyond that they are left to the relay (they are stored already). */
export const MAX_BACKLOG = 10_000;
/**
 * Lead jobs per dispatch batch (one Page lookup, one `addBulk`, one UPDATE each). Small enough that serialising a
 * batch never holds the event loop long enough to show in the answers' p99 (500 did), large enough to keep the
 * round trips per delivery well under one.
 */
const MAX_BATCH_JOBS = 100;
/** How long shutdown waits for the backlog before leaving the rest to the relay. */
const SHUTDOWN_WAIT_MS = 10_000;

/**
 * The part of a webhook delivery that happens after the 200: the Page lookup, the enqueue of its lead jobs and the
 * row's status update (WebhookDispatchService). The answer waits only for the inbox insert, which is what makes the
 * delivery durable; this work then runs in the same process, in batches, so a burst of deliveries costs a few round
 * trips per batch rather than three per delivery.
 *
 * Nothing here needs to survive a crash: a row this process never got to stays `received` in the inbox, and the
 * relay (start-up and the `relay-webhook-inbox` schedule) queues it. The same holds when the backlog is full, the
 * queue backend is down, or the process is stopping: the row is left to the relay. Dispatching a row twice (here and
 * from the relay) is harmless: job ids are deterministic and rows only move on from `received`.
 */
@Injectable()
export class WebhookAfterAck implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookAfterAck.name);
  private readonly backlog: DispatchableRow[] = [];
  private draining?: Promise<void>;
  private stopping = false;
  private lastOverflowLog = 0;

  constructor(private readonly dispatcher: WebhookDispatchService) {}

  /** Queues the lead jobs of a stored row soon, after the current answer is written. */
  schedule(row: DispatchableRow): void {
    if (this.stopping || this.backlog.length >= MAX_BACKLOG) {
      this.leaveToRelay(1, this.stopping ? 'the process is stopping' : `more than ${MAX_BACKLOG} deliveries are waiting`);
      return;
    }
    this.backlog.push(row);
    webhookDispatchBacklog.set(this.backlog.length);
    // setImmediate: the answer (written when the caller's promise settles) goes out before this work starts.
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Resolves once every scheduled row has been dispatched (or left to the relay). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SHUTDOWN_WAIT_MS)));
    const result = await Promise.race([this.idle(), timeout]);
    clearTimeout(timer);
    if (result === 'timeout') this.dropBacklog('the process is stopping');
  }

  private async drain(): Promise<void> {
    try {
      while (this.backlog.length > 0) {
        const batch = this.takeBatch();
        webhookDispatchBacklog.set(this.backlog.length);
        try {
          const results = await this.dispatcher.dispatchMany(batch);
          // The queue is down: the rest would each wait out the enqueue timeout; the relay takes them later.
          if (results.includes('pending')) this.dropBacklog('the queue backend did not answer');
        } catch (error) {
          webhookDispatchLeftToRelay.inc(batch.length);
          this.logger.error(
            { err: error, inboxIds: batch.map((row) => row.id) },
            'Dispatching stored webhook deliveries failed; the inbox relay will retry',
          );
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  private takeBatch(): DispatchableRow[] {
    const batch: DispatchableRow[] = [];
    let jobs = 0;
    while (this.backlog.length > 0 && (batch.length === 0 || jobs + changesIn(this.backlog[0]) <= MAX_BATCH_JOBS)) {
      const row = this.backlog.shift()!;
      jobs += changesIn(row);
      batch.push(row);
    }
    return batch;
  }

  private dropBacklog(reason: string): void {
    const dropped = this.backlog.splice(0).length;
    webhookDispatchBacklog.set(0);
    if (dropped > 0) this.leaveToRelay(dropped, reason);
  }

  /** Logged at most every 10 s, so an overload does not add a log line per delivery. */
  private leaveToRelay(count: number, reason: string): void {
    webhookDispatchLeftToRelay.inc(count);
    const now = Date.now();
    if (now - this.lastOverflowLog < 10_000) return;
    this.lastOverflowLog = now;
    this.logger.warn({ deliveries: count, reason }, 'Stored webhook deliveries left to the inbox relay');
  }
}

/** At least 1, so rows without leadgen changes still count towards a batch. */
const changesIn = (row: DispatchableRow): number => Math.max(1, row.extracted?.changes.length ?? 1);
