import type { SandboxRuntime } from '../core/sandbox-runtime';
import type { AppSubscriptionRecord, LeadRecord } from '../world/types';
import { metaJson } from '../core/meta-json';
import { LeadgenChange, leadgenChange, pagePayload } from './leadgen-payload';
import { RETRY_OFFSETS_MS, retryDelayMs } from './retry-schedule';
import { signatureHeaders } from './signature';
import { leadReachesApp } from '../oauth/app-access';

export type DeliveryOutcome = 'delivered' | 'failed' | 'dropped' | 'expired' | 'duplicate';

export interface DeliveryLogEntry {
  deliveryId: string;
  attempt: number;
  outcome: DeliveryOutcome;
  url: string;
  /** Sandbox time of the attempt. */
  at: string;
  /** Where the attempt sits on Meta's (uncompressed) retry schedule. */
  scheduleOffsetMs: number;
  httpStatus?: number;
  error?: string;
  leadgenIds: string[];
  bytes: number;
}

interface Delivery {
  id: string;
  url: string;
  body: Buffer;
  leadgenIds: string[];
  generation: number;
}

/**
 * Sends `leadgen` notifications the way Meta does: batched per Page, signed over the exact bytes, retried on a
 * non-2xx answer or a timeout at a decreasing rate for 36 hours, and now and then sent twice.
 */
export class WebhookDelivery {
  readonly log: DeliveryLogEntry[] = [];
  private pending: LeadgenChange[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private generation = 0;

  constructor(private readonly runtime: SandboxRuntime) {}

  /** A lead reaches the app only if the app subscribed to `page`/`leadgen` and the Page installed the app. */
  subscriptionFor(lead: LeadRecord): AppSubscriptionRecord | undefined {
    const world = this.runtime.world;
    const app = world.app;
    const subscription = (world.appSubscriptions.get(app.id) ?? []).find(
      (entry) => entry.object === 'page' && entry.active && entry.fields.includes('leadgen'),
    );
    const installed = (world.pageInstalls.get(lead.pageId) ?? []).some(
      (install) => install.appId === app.id && install.subscribedFields.includes('leadgen'),
    );
    return installed ? subscription : undefined;
  }

  /** In development mode a lead of someone without a role on the app is not notified at all. */
  enqueue(lead: LeadRecord): void {
    if (!this.runtime.options.webhooks.enabled || !leadReachesApp(this.runtime.world.app, lead) || !this.subscriptionFor(lead)) return;
    this.pending.push(leadgenChange(lead));
    if (this.pending.length === 1) this.later(this.runtime.options.webhooks.batchWindowMs, () => this.flush());
  }

  /** Sends whatever is waiting to be batched, now. */
  flush(): void {
    const changes = this.pending;
    this.pending = [];
    const subscription = (this.runtime.world.appSubscriptions.get(this.runtime.world.app.id) ?? []).find(
      (entry) => entry.object === 'page' && entry.active,
    );
    if (!subscription || changes.length === 0) return;
    const size = this.runtime.options.webhooks.maxBatchSize;
    for (let start = 0; start < changes.length; start += size) {
      const batch = changes.slice(start, start + size);
      const payload = pagePayload(batch, this.runtime.clock.unix(), subscription.includeValues);
      const delivery: Delivery = {
        id: this.runtime.rng('webhooks').chars(16),
        url: subscription.callbackUrl,
        body: Buffer.from(metaJson(payload), 'utf8'),
        leadgenIds: batch.map((change) => String(change.value['leadgen_id'])),
        generation: this.generation,
      };
      if (this.runtime.faults.dropWebhook()) {
        this.record(delivery, 0, 'dropped');
        continue;
      }
      this.attempt(delivery, 0);
    }
  }

  /** Resolves once nothing is waiting, in flight or scheduled (with a compressed schedule, retries included). */
  async whenIdle(): Promise<void> {
    while (this.pending.length > 0 || this.timers.size > 0 || this.inFlight.size > 0) {
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
      else await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Forgets everything in progress (world reset, close). Attempts already on the wire finish unrecorded. */
  reset(): void {
    this.generation++;
    this.pending = [];
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log.length = 0;
  }

  private attempt(delivery: Delivery, attempt: number): void {
    const sending = this.post(delivery).then((result) => {
      if (delivery.generation !== this.generation) return;
      if (result.ok) {
        this.record(delivery, attempt, 'delivered', result);
        if (this.runtime.rng('webhook-duplicates').chance(this.duplicateRate())) {
          this.track(this.post(delivery).then((again) => this.record(delivery, attempt, 'duplicate', again)));
        }
        return;
      }
      this.record(delivery, attempt, 'failed', result);
      const delay = retryDelayMs(attempt + 1, this.runtime.options.webhooks.retryTimeScale);
      if (delay === undefined) {
        this.record(delivery, attempt, 'expired');
        return;
      }
      this.later(delay, () => this.attempt(delivery, attempt + 1));
    });
    this.track(sending);
  }

  private duplicateRate(): number {
    return Math.max(this.runtime.options.webhooks.duplicateRate, this.runtime.faults.config.webhooks?.duplicateRate ?? 0);
  }

  private async post(delivery: Delivery): Promise<{ ok: boolean; httpStatus?: number; error?: string }> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          ...signatureHeaders(delivery.body, this.runtime.world.app.secret),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(this.runtime.options.webhooks.timeoutMs),
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      return { ok: response.status >= 200 && response.status < 300, httpStatus: response.status };
    } catch (error) {
      return { ok: false, error: (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection failed' };
    }
  }

  private record(
    delivery: Delivery,
    attempt: number,
    outcome: DeliveryOutcome,
    result: { httpStatus?: number; error?: string } = {},
  ): void {
    this.log.push({
      deliveryId: delivery.id,
      attempt,
      outcome,
      url: delivery.url,
      at: new Date(this.runtime.clock.now()).toISOString(),
      scheduleOffsetMs: RETRY_OFFSETS_MS[attempt] ?? 0,
      httpStatus: result.httpStatus,
      error: result.error,
      leadgenIds: delivery.leadgenIds,
      bytes: delivery.body.length,
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
