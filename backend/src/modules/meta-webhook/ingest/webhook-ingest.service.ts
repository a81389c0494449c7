import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type WebhookQuarantineReason } from '@legeai/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ApiError } from '../../../common/errors/api-error';
import { metaConfig } from '../../../config/meta.config';
import { notePreviousAppSecretUse } from '../../../infra/meta-app-secret/app-secret-verification';
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

const refusal = (status: WebhookRefusal['status'], code: string, message: string) => Object.freeze({ refusal: Object.freeze({ status, code, message }) });

const REFUSALS = {
  noSignature: refusal(401, ErrorCode.Unauthenticated, 'X-Hub-Signature-256 header is required'),
  badSignature: refusal(403, ErrorCode.InvalidSignature, 'X-Hub-Signature-256 does not match the body'),
};

/** The Pages and the change count are kept for the reads that list deliveries, which never parse a stored body. */
const INSERT_DELIVERY = `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature, page_ids, change_count)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (body_sha256) DO NOTHING RETURNING id, received_at`;

/** A quarantined body is finished with once stored: nothing is queued for it. */
const INSERT_QUARANTINED = `INSERT INTO meta_webhook_inbox
    (raw_body, body_sha256, object, signature, page_ids, change_count, status, quarantine_reason, processed_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'quarantined', $7, now()) ON CONFLICT (body_sha256) DO NOTHING RETURNING id`;

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

  /**
   * The connection pool under TypeORM. The one INSERT that every delivery waits for goes straight to it: TypeORM's
   * query runner (a pool checkout, logging hooks and result shaping per call) costs more CPU than the insert itself
   * at webhook rates, and this statement needs none of it.
   */
  private readonly pool: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> };

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly afterAck: WebhookAfterAck,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {
    this.pool = (dataSource.driver as PostgresDriver).master;
  }

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
    const columns = [rawBody, bodySha256, extracted.object, delivery.signature!.trim().slice(0, 100), extracted.pageIds, extracted.changeCount];
    if (!body.readable) return this.quarantine(delivery, columns, body.reason);

    // One row per distinct body; an identical redelivery (Meta retries byte for byte) hits the unique hash.
    const inserted = await this.pool.query(INSERT_DELIVERY, columns);
    const row = inserted.rows[0] as { id: string; received_at: Date } | undefined;
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
  private async quarantine(delivery: WebhookDelivery, columns: unknown[], reason: WebhookQuarantineReason): Promise<WebhookResult> {
    const inserted = await this.pool.query(INSERT_QUARANTINED, [...columns, reason]);
    if (inserted.rows.length === 0) {
      countDelivery('duplicate');
      return { ack: { outcome: 'duplicate' } };
    }
    countDelivery('quarantined');
    countQuarantined(reason);
    this.logger.warn(
      { reason, ip: delivery.ip, bytes: delivery.rawBody!.length, inboxId: (inserted.rows[0] as { id: string }).id },
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

