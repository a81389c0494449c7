import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ErrorCode, type WebhookQuarantineReason } from '@legeai/contracts';
import { createHash } from 'node:crypto';
import { ApiError } from '../../../common/errors/api-error';
import { metaConfig } from '../../../config/meta.config';
import { notePreviousAppSecretUse } from '../../../infra/meta-app-secret/app-secret-verification';
import { WebhookInboxRepository, type DeliveryColumns } from '../inbox/webhook-inbox.repository';
import { checkWebhookSignature } from './webhook-signature';
import { readDeliveryBody } from './delivery-body';
import { extractLeadgenChanges } from './leadgen-changes';
import { WebhookAfterAck } from './webhook-after-ack.service';
import { countDelivery, countQuarantined } from './webhook-metrics';

/** A webhook request as the controller hands it over: bytes and headers, never the Request itself. */
export interface WebhookDelivery {
  /** The body exactly as received (the webhook path's raw parser keeps it); absent when the request had none. */
  rawBody: Buffer | undefined;
  signature: string | undefined;
  isJson: boolean;
  /** For the security log only. */
  ip: string | undefined;
}

/** A refused delivery's answer: the status and what the ErrorEnvelope says. */
export interface WebhookRefusal {
  status: 401 | 403;
  code: string;
  message: string;
}

export type WebhookResult = { ack: WebhookAck } | { refusal: WebhookRefusal };

const refusal = (status: WebhookRefusal['status'], code: string, message: string) =>
  Object.freeze({ refusal: Object.freeze({ status, code, message }) });

const REFUSALS = {
  noSignature: refusal(401, ErrorCode.Unauthenticated, 'X-Hub-Signature-256 header is required'),
  badSignature: refusal(403, ErrorCode.InvalidSignature, 'X-Hub-Signature-256 does not match the body'),
};

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored' | 'quarantined';

export interface WebhookAck {
  /**
   * `accepted`: stored, with leadgen changes whose jobs are queued right after the answer (or by the relay); those
   * of Pages nobody connected are recorded on the row as ignored. `duplicate`: this exact body was stored before.
   * `ignored`: stored, but there is no leadgen change in it. `quarantined`: stored as raw bytes with the reason
   * (not application/json, not UTF-8, not JSON, or a string PostgreSQL cannot hold), and nothing is queued for it.
   */
  outcome: WebhookOutcome;
}

/**
 * Receives a Meta webhook delivery: checks the signature, reads the body once (readDeliveryBody: one that cannot be
 * processed is stored quarantined and acknowledged), stores the delivery in the inbox (committed before the answer),
 * and hands the row to WebhookAfterAck, which queues one job per leadgen change after the answer. The answer waits
 * for one INSERT and nothing else: Meta wants it fast, and the inbox row is what makes the delivery safe.
 */
@Injectable()
export class WebhookIngestService {
  private readonly logger = new Logger(WebhookIngestService.name);

  constructor(
    private readonly inbox: WebhookInboxRepository,
    private readonly afterAck: WebhookAfterAck,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  /** For the Nest route: a refusal is thrown as ApiError, which the exception filter turns into the envelope. */
  async receive(delivery: WebhookDelivery): Promise<WebhookAck> {
    const result = await this.ingest(delivery);
    if ('refusal' in result) throw new ApiError(result.refusal.status, result.refusal.code, result.refusal.message);
    return result.ack;
  }

  /**
   * The delivery's answer. Refusals are returned, not thrown: they are an expected answer of this endpoint, and
   * the fast route writes them without building an exception (and its stack trace) per refused request.
   */
  async ingest(delivery: WebhookDelivery): Promise<WebhookResult> {
    const rawBody = this.authenticate(delivery);
    if (!Buffer.isBuffer(rawBody)) return rawBody;

    // Decided here, once: a signed body that cannot be processed is still Meta's and is answered 200 (a refusal
    // would only make Meta retry the same bytes for 36 hours), but it is kept quarantined and never queued.
    const body = readDeliveryBody(rawBody, delivery.isJson);
    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const extracted = extractLeadgenChanges(body.json);
    const columns: DeliveryColumns = [
      rawBody,
      bodySha256,
      extracted.object,
      delivery.signature!.trim().slice(0, 100),
      extracted.pageIds,
      extracted.changeCount,
    ];
    if (!body.readable) return this.quarantine(delivery, columns, body.reason);

    // One row per distinct body; an identical redelivery (Meta retries byte for byte) hits the unique hash.
    const row = await this.inbox.insertDelivery(columns);
    if (!row) {
      countDelivery('duplicate');
      return { ack: { outcome: 'duplicate' } };
    }

    // Durable from here on: the Page lookup, the enqueue and the status update happen after the answer.
    this.afterAck.schedule({ id: row.id, rawBody, receivedAt: row.received_at, extracted });
    const outcome: WebhookOutcome = extracted.changes.length > 0 ? 'accepted' : 'ignored';
    countDelivery(outcome);
    return { ack: { outcome } };
  }

  /** Stores the body as received with the reason, and acknowledges it; nothing of the body is logged. */
  private async quarantine(delivery: WebhookDelivery, columns: DeliveryColumns, reason: WebhookQuarantineReason): Promise<WebhookResult> {
    const inboxId = await this.inbox.insertQuarantined(columns, reason);
    if (inboxId === undefined) {
      countDelivery('duplicate');
      return { ack: { outcome: 'duplicate' } };
    }
    countDelivery('quarantined');
    countQuarantined(reason);
    this.logger.warn(
      { reason, ip: delivery.ip, bytes: delivery.rawBody!.length, inboxId },
      `Signed webhook delivery quarantined: ${reason}`,
    );
    return { ack: { outcome: 'quarantined' } };
  }

  /** The raw body, once its signature is Meta's; otherwise 401/403 and a security log line (no body, no secret). */
  private authenticate(delivery: WebhookDelivery): Buffer | { refusal: WebhookRefusal } {
    if (delivery.signature === undefined || delivery.signature.trim() === '') {
      this.reject(delivery, 'missing');
      return REFUSALS.noSignature;
    }
    if (!delivery.rawBody || delivery.rawBody.length === 0) {
      this.reject(delivery, 'empty_body');
      return REFUSALS.badSignature;
    }
    const check = checkWebhookSignature(delivery.rawBody, delivery.signature, this.meta);
    if (!check.valid) {
      this.reject(delivery, check.problem);
      return REFUSALS.badSignature;
    }
    if (check.secret === 'previous') notePreviousAppSecretUse('webhook');
    return delivery.rawBody;
  }

  private reject(delivery: WebhookDelivery, reason: string): void {
    countDelivery('bad_signature');
    this.logger.warn(
      { security: 'webhook_signature_rejected', reason, ip: delivery.ip, bytes: delivery.rawBody?.length ?? 0 },
      `Webhook delivery rejected: signature ${reason}`,
    );
  }
}
