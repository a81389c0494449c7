import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@legeai/contracts';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import { ApiError } from '../../../common/errors/api-error';
import { metaConfig } from '../../../config/meta.config';
import { WebhookInboxEntry } from '../entities/webhook-inbox-entry.entity';
import { checkWebhookSignature } from './webhook-signature';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { countDelivery } from './webhook-metrics';

/** A webhook request as the controller hands it over: bytes and headers, never the Request itself. */
export interface WebhookDelivery {
  /** The body exactly as received (the webhook path's raw parser keeps it); absent when the request had none. */
  rawBody: Buffer | undefined;
  signature: string | undefined;
  isJson: boolean;
  /** For the security log only. */
  ip: string | undefined;
}

export type WebhookOutcome = 'accepted' | 'duplicate' | 'ignored';

export interface WebhookAck {
  /**
   * `accepted`: stored, with lead jobs queued (or waiting for the queue); `duplicate`: this exact body was stored
   * before; `ignored`: stored, but nothing in it concerns a connected Page's leads.
   */
  outcome: WebhookOutcome;
}

/**
 * Receives a Meta webhook delivery: checks the signature, stores the delivery in the inbox (committed before the
 * answer), then queues one job per leadgen change. No Graph calls here: the answer must be fast.
 */
@Injectable()
export class WebhookIngestService {
  private readonly logger = new Logger(WebhookIngestService.name);

  constructor(
    @InjectRepository(WebhookInboxEntry) private readonly inbox: Repository<WebhookInboxEntry>,
    private readonly dispatcher: WebhookDispatchService,
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
  ) {}

  async receive(delivery: WebhookDelivery): Promise<WebhookAck> {
    const rawBody = this.authenticate(delivery);
    if (!delivery.isJson) {
      countDelivery('invalid_body');
      this.logger.warn({ ip: delivery.ip }, 'Signed webhook delivery refused: not application/json');
      throw new ApiError(415, 'unsupported_media_type', 'Webhook deliveries must be application/json');
    }

    const body = parseJson(rawBody);
    if (body === undefined) {
      countDelivery('invalid_body');
      this.logger.warn({ ip: delivery.ip, bytes: rawBody.length }, 'Signed webhook delivery refused: body is not JSON');
      throw new ApiError(400, ErrorCode.BadRequest, 'The webhook body is not valid JSON');
    }

    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const object = readObject(body);
    // One row per distinct body; an identical redelivery (Meta retries byte for byte) hits the unique hash.
    const inserted = await this.inbox
      .createQueryBuilder()
      .insert()
      .values({ rawBody, bodySha256, object, signature: delivery.signature!.trim().slice(0, 100) })
      .orIgnore()
      .returning(['id', 'receivedAt'])
      .execute();
    const row = (inserted.raw as { id: string; received_at: Date }[])[0];
    if (!row) {
      countDelivery('duplicate');
      return { outcome: 'duplicate' };
    }

    const result = await this.dispatcher.dispatch({ id: row.id, rawBody, receivedAt: row.received_at });
    const outcome: WebhookOutcome = result === 'ignored' ? 'ignored' : 'accepted';
    countDelivery(outcome);
    return { outcome };
  }

  /** The raw body, once its signature is Meta's; otherwise 401/403 and a security log line (no body, no secret). */
  private authenticate(delivery: WebhookDelivery): Buffer {
    if (delivery.signature === undefined || delivery.signature.trim() === '') {
      this.reject(delivery, 'missing');
      throw new ApiError(401, ErrorCode.Unauthenticated, 'X-Hub-Signature-256 header is required');
    }
    if (!delivery.rawBody || delivery.rawBody.length === 0) {
      this.reject(delivery, 'empty_body');
      throw new ApiError(403, ErrorCode.InvalidSignature, 'X-Hub-Signature-256 does not match the body');
    }
    const check = checkWebhookSignature(delivery.rawBody, delivery.signature, this.meta.appSecret);
    if (check !== 'valid') {
      this.reject(delivery, check);
      throw new ApiError(403, ErrorCode.InvalidSignature, 'X-Hub-Signature-256 does not match the body');
    }
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

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function readObject(body: unknown): string | null {
  const object = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['object'] : undefined;
  return typeof object === 'string' ? object.slice(0, 50) : null;
}
