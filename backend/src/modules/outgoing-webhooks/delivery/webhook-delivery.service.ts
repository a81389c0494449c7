import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { WEBHOOK_HEADERS, type WebhookDeliveryState } from '@legeai/contracts';
import { outgoingWebhooksConfig } from '../../../config/outgoing-webhooks.config';
import { TokenCipherError } from '../../../infra/crypto/token-cipher';
import { WebhookEndpointsRepository, type EndpointRow } from '../endpoints/webhook-endpoints.repository';
import { WebhookSecrets } from '../endpoints/webhook-secrets';
import { WebhookOutboxRepository, type ClaimedDelivery } from '../outbox/webhook-outbox.repository';
import { signatureHeader } from '../signing/webhook-signature';
import { EndpointDisabledHooks } from './endpoint-disabled-hooks';
import { afterFailedAttempt, disableReason, type RetryPolicy } from './retry-schedule';
import { WebhookDeliveryQueue } from './webhook-delivery.queue';
import { WebhookHttpSender, type WebhookResponse } from './webhook-http-sender';

export const USER_AGENT = 'LegeAI-Webhooks/1.0';

interface AttemptResult {
  delivery: ClaimedDelivery;
  response: WebhookResponse;
  state: WebhookDeliveryState;
}

/**
 * Sends the outbox: an endpoint's due deliveries a batch at a time (a few in flight at once; the order of events
 * per endpoint is not kept), each signed with the endpoint's secrets, its attempt and answer recorded; a failed one
 * is due again after its backoff (the sweep queues it), or failed for good after the last attempt, which disables
 * the endpoint, as do 24 hours of failures with no success.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private readonly policy: RetryPolicy;

  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookHttpSender,
    private readonly queue: WebhookDeliveryQueue,
    private readonly disabledHooks: EndpointDisabledHooks,
    @Inject(outgoingWebhooksConfig.KEY) private readonly config: ConfigType<typeof outgoingWebhooksConfig>,
  ) {
    this.policy = config;
  }

  /** The sweep: a send for every enabled endpoint with due deliveries (retries, and a crash between commit and send). */
  async sweep(): Promise<{ endpoints: number }> {
    const targets = await this.outbox.endpointsWithDue();
    await this.queue.enqueue(targets, 'sweep');
    return { endpoints: targets.length };
  }

  /** Sends the endpoint's due deliveries until none is due or the endpoint is disabled. */
  async deliverEndpoint(endpointId: string): Promise<{ sent: number; delivered: number; failed: number }> {
    const summary = { sent: 0, delivered: 0, failed: 0 };
    const batchSize = this.config.concurrency * 4;
    for (;;) {
      const endpoint = await this.endpoints.findById(endpointId);
      if (!endpoint?.enabled) break;
      const secrets = await this.secretsOrDisable(endpoint);
      if (!secrets) break;
      const claimed = await this.outbox.claim({ endpointId }, batchSize, this.leaseMs());
      if (claimed.length === 0) break;
      const results = await this.sendAll(endpoint, secrets, claimed);
      summary.sent += results.length;
      summary.delivered += results.filter((r) => r.response.success).length;
      summary.failed += results.filter((r) => !r.response.success).length;
      const stillEnabled = await this.afterBatch(endpoint, results);
      if (!stillEnabled) break;
    }
    return summary;
  }

  /**
   * One attempt now of one delivery (a test event, or a replay), whatever its backoff; answers whether an attempt
   * was made (false: another run holds it). A test delivery gets this one attempt only and never disables anything.
   */
  async attemptNow(endpoint: EndpointRow, deliveryId: string): Promise<boolean> {
    const secrets = await this.secretsOrDisable(endpoint);
    if (!secrets) return false;
    const claimed = await this.outbox.claim({ endpointId: endpoint.id, deliveryId }, 1, this.leaseMs());
    if (claimed.length === 0) return false;
    const results = await this.sendAll(endpoint, secrets, claimed);
    if (!claimed[0].test) await this.afterBatch(endpoint, results);
    return true;
  }

  /** Long enough for a send to end (its timeout) with margin: a lease shorter than a send would let a run take it twice. */
  private leaseMs(): number {
    return this.config.timeoutMs * 2 + 30_000;
  }

  /**
   * The endpoint's signing secrets; when they cannot be decrypted (their key left TOKEN_ENCRYPTION_KEYS) nothing can
   * be signed: the endpoint is disabled with that reason instead of failing its jobs forever.
   */
  private async secretsOrDisable(endpoint: EndpointRow): Promise<string[] | null> {
    try {
      return this.secrets.signingSecrets(endpoint);
    } catch (error) {
      if (!(error instanceof TokenCipherError)) throw error;
      await this.disable(endpoint, `Its signing secret cannot be decrypted (${error.message}): rotate the secret, then enable it`);
      return null;
    }
  }

  private async sendAll(endpoint: EndpointRow, secrets: string[], deliveries: ClaimedDelivery[]): Promise<AttemptResult[]> {
    const results: AttemptResult[] = [];
    let next = 0;
    const lane = async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++];
        results.push(await this.attempt(endpoint, secrets, delivery));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.concurrency, deliveries.length) }, lane));
    return results;
  }

  private async attempt(endpoint: EndpointRow, secrets: string[], delivery: ClaimedDelivery): Promise<AttemptResult> {
    const at = new Date();
    const timestamp = Math.floor(at.getTime() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [WEBHOOK_HEADERS.eventId]: delivery.eventId,
      [WEBHOOK_HEADERS.eventType]: delivery.eventType,
      [WEBHOOK_HEADERS.deliveryId]: delivery.id,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signatureHeader(secrets, timestamp, delivery.body),
    };
    const response = await this.sender.send({ url: endpoint.url, headers, body: delivery.body });
    const attempts = delivery.attempts + 1;
    let state: WebhookDeliveryState = 'delivered';
    let nextAttemptAt = at;
    if (!response.success) {
      const outcome = delivery.test ? ({ next: 'failed' } as const) : afterFailedAttempt(this.policy, attempts, new Date());
      state = outcome.next === 'failed' ? 'failed' : 'pending';
      if (outcome.next === 'retry') nextAttemptAt = outcome.retryAt;
    }
    await this.outbox.recordAttempt({
      deliveryId: delivery.id,
      organisationId: endpoint.organisationId,
      at,
      durationMs: response.durationMs,
      url: endpoint.url,
      requestHeaders: headers,
      responseStatus: response.status,
      responseBodyExcerpt: response.bodyExcerpt,
      error: response.error ?? (response.success ? null : `HTTP ${response.status}`),
      success: response.success,
      state,
      attempts,
      nextAttemptAt,
    });
    return { delivery, response, state };
  }

  /** The endpoint's failing streak after a batch, and its disabling when a delivery failed for good or the streak is too long. */
  private async afterBatch(endpoint: EndpointRow, results: AttemptResult[]): Promise<boolean> {
    const counted = results.filter((r) => !r.delivery.test);
    if (counted.length === 0) return true;
    const anySuccess = counted.some((r) => r.response.success);
    const failures = counted.filter((r) => !r.response.success);
    const failingSince = await this.endpoints.recordOutcomes(endpoint.id, anySuccess, failures.length > 0);
    if (failures.length === 0) return true;
    const last = failures[failures.length - 1];
    const failedForGood = failures.find((r) => r.state === 'failed');
    const reason = disableReason(
      this.policy,
      {
        deliveryFailedForGood: !!failedForGood,
        eventId: (failedForGood ?? last).delivery.eventId,
        failingSince,
        lastFailure: failureText(last.response),
      },
      new Date(),
    );
    if (!reason) return true;
    await this.disable(endpoint, reason);
    return false;
  }

  private async disable(endpoint: EndpointRow, reason: string): Promise<void> {
    if (!(await this.endpoints.disableForFailure(endpoint.id, reason))) return;
    this.logger.warn({ endpointId: endpoint.id, organisationId: endpoint.organisationId, reason }, 'Webhook endpoint disabled');
    await this.disabledHooks.disabled({
      organisationId: endpoint.organisationId,
      endpointId: endpoint.id,
      url: endpoint.url,
      reason,
      at: new Date(),
    });
  }
}

function failureText(response: WebhookResponse): string {
  return response.status !== null ? `HTTP ${response.status}` : (response.error ?? 'no answer');
}
