import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookDeliveryEventType, WebhookDeliveryListQuery, WebhookDeliveryState } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { leadSnapshotJsonSql } from '../../leads';
import { updatedRows } from '../endpoints/webhook-endpoints.repository';

/** One lead event to write: its type and what its `data` adds to the lead's snapshot. */
export interface LeadEventInput {
  organisationId: string;
  leadId: string;
  type: WebhookDeliveryEventType;
  extra: Record<string, unknown>;
  at: Date;
}

/** Where new deliveries went: the pair a send job is deduplicated on. */
export interface EndpointTarget {
  organisationId: string;
  endpointId: string;
}

export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  /** Attempts made before this one. */
  attempts: number;
  test: boolean;
  /** The exact body every attempt sends. */
  body: string;
}

export interface AttemptRecord {
  deliveryId: string;
  organisationId: string;
  at: Date;
  durationMs: number;
  url: string;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBodyExcerpt: string | null;
  error: string | null;
  success: boolean;
  /** The delivery after this attempt. */
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date;
}

export interface DeliveryRow {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventId: string;
  eventType: WebhookDeliveryEventType;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  test: boolean;
  createdAt: Date;
}

export interface AttemptRow {
  id: string;
  at: Date;
  durationMs: number;
  url: string;
  requestHeaders: Record<string, string>;
  responseStatus: number | null;
  responseBodyExcerpt: string | null;
  error: string | null;
  success: boolean;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "endpointId", e.url AS "endpointUrl", d.event_id AS "eventId", d.event_type AS "eventType",
  d.state, d.attempts, d.next_attempt_at AS "nextAttemptAt", d.last_status AS "lastStatus", d.last_error AS "lastError",
  d.delivered_at AS "deliveredAt", d.is_test AS "test", d.created_at AS "createdAt"`;

/** Every statement on the outbox: outgoing_webhook_events, outgoing_webhook_deliveries and outgoing_webhook_attempts. */
@Injectable()
export class WebhookOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * In the transaction of the changes, one statement: an event per change that an enabled endpoint of its
   * organisation subscribes to (its id made here, stable for every retry and replay; its body the lead as the
   * transaction sees it), and a delivery per event and subscribed endpoint. Nothing is written for an organisation
   * without such an endpoint. Answers where new deliveries went.
   */
  async writeLeadEvents(m: EntityManager, events: readonly LeadEventInput[]): Promise<EndpointTarget[]> {
    const rows = (await m.query(
      `WITH c AS (
         SELECT gen_random_uuid() AS event_id, x.*
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::timestamptz[]) AS x(organisation_id, lead_id, type, extra, at)
          WHERE EXISTS (SELECT 1 FROM outgoing_webhook_endpoints e
                         WHERE e.organisation_id = x.organisation_id AND e.enabled AND x.type = ANY(e.event_types))),
       ev AS (
         INSERT INTO outgoing_webhook_events (id, organisation_id, type, lead_id, body, created_at)
         SELECT c.event_id, c.organisation_id, c.type, c.lead_id,
                json_build_object('id', c.event_id, 'type', c.type, 'createdAt', ${ISO('c.at')}, 'organisationId', c.organisation_id,
                  'data', jsonb_build_object('lead', (${leadSnapshotJsonSql('l')})::jsonb) || c.extra
                    || CASE WHEN c.type = 'lead.duplicate_detected'
                            THEN jsonb_build_object('rule', l.duplicate_rule, 'possible', l.possible_duplicate) ELSE '{}'::jsonb END)::text,
                c.at
           FROM c JOIN leads l ON l.id = c.lead_id AND l.organisation_id = c.organisation_id
         RETURNING id, organisation_id, type)
       INSERT INTO outgoing_webhook_deliveries (organisation_id, endpoint_id, event_id, event_type)
       SELECT ev.organisation_id, e.id, ev.id, ev.type
         FROM ev JOIN outgoing_webhook_endpoints e ON e.organisation_id = ev.organisation_id AND e.enabled AND ev.type = ANY(e.event_types)
       RETURNING organisation_id AS "organisationId", endpoint_id AS "endpointId"`,
      [
        events.map((e) => e.organisationId),
        events.map((e) => e.leadId),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.extra)),
        events.map((e) => e.at),
      ],
    )) as EndpointTarget[];
    return distinctTargets(rows);
  }

  /** A `webhook.test` event and its one delivery to the endpoint; answers the delivery's id. */
  async writeTestEvent(organisationId: string, endpointId: string, body: (eventId: string, createdAt: string) => string): Promise<string> {
    return this.db.transaction(async (m) => {
      const [{ id, createdAt }] = (await m.query(`SELECT gen_random_uuid() AS id, ${ISO('now()')} AS "createdAt"`)) as {
        id: string;
        createdAt: string;
      }[];
      await m.query(
        `INSERT INTO outgoing_webhook_events (id, organisation_id, type, body, created_at) VALUES ($1, $2, 'webhook.test', $3, $4)`,
        [id, organisationId, body(id, createdAt), createdAt],
      );
      const [delivery] = (await m.query(
        `INSERT INTO outgoing_webhook_deliveries (organisation_id, endpoint_id, event_id, event_type, is_test)
         VALUES ($1, $2, $3, 'webhook.test', true) RETURNING id`,
        [organisationId, endpointId, id],
      )) as { id: string }[];
      return delivery.id;
    });
  }

  /**
   * Takes up to `limit` due deliveries of an endpoint (or the one named by `deliveryId`, due or not) and leases them:
   * their next attempt moves to `leaseMs` from now, so a concurrent run skips them, and a process that dies
   * mid-send leaves them due again once the lease ends (at-least-once).
   */
  async claim(target: { endpointId: string; deliveryId?: string }, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return (await this.db.query(
      `WITH due AS (
         SELECT d.id FROM outgoing_webhook_deliveries d
          WHERE d.endpoint_id = $1 AND d.state = 'pending'
            AND (CASE WHEN $4::uuid IS NULL THEN d.next_attempt_at <= now() ELSE d.id = $4::uuid END)
          ORDER BY d.next_attempt_at, d.created_at
          LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outgoing_webhook_deliveries d SET next_attempt_at = now() + $3 * interval '1 millisecond', updated_at = now()
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.event_id, d.event_type, d.attempts, d.is_test)
       SELECT c.id, c.event_id AS "eventId", c.event_type AS "eventType", c.attempts, c.is_test AS "test", ev.body
         FROM claimed c JOIN outgoing_webhook_events ev ON ev.id = c.event_id`,
      [target.endpointId, limit, leaseMs, target.deliveryId ?? null],
    )) as ClaimedDelivery[];
  }

  /** The attempt's request and answer, and the delivery's new state, in one statement. */
  async recordAttempt(a: AttemptRecord): Promise<void> {
    await this.db.query(
      `WITH attempt AS (
         INSERT INTO outgoing_webhook_attempts
           (delivery_id, organisation_id, at, duration_ms, url, request_headers, response_status, response_body_excerpt, error, success)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10))
       UPDATE outgoing_webhook_deliveries
          SET state = $11, attempts = $12, next_attempt_at = $13, last_status = $7, last_error = $9,
              delivered_at = CASE WHEN $10 THEN now() ELSE delivered_at END, updated_at = now()
        WHERE id = $1`,
      [
        a.deliveryId,
        a.organisationId,
        a.at,
        a.durationMs,
        a.url,
        JSON.stringify(a.requestHeaders),
        a.responseStatus,
        a.responseBodyExcerpt,
        a.error,
        a.success,
        a.state,
        a.attempts,
        a.nextAttemptAt,
      ],
    );
  }

  /** Enabled endpoints with due deliveries (the sweep queues their sends). */
  endpointsWithDue(): Promise<EndpointTarget[]> {
    return this.db.query(
      `SELECT e.organisation_id AS "organisationId", e.id AS "endpointId"
         FROM outgoing_webhook_endpoints e
        WHERE e.enabled AND EXISTS (SELECT 1 FROM outgoing_webhook_deliveries d
                                     WHERE d.endpoint_id = e.id AND d.state = 'pending' AND d.next_attempt_at <= now())`,
    );
  }

  /** A re-enabled endpoint: its waiting deliveries are due now instead of at their backed-off times. */
  async resume(m: EntityManager, endpointId: string): Promise<number> {
    return updatedRows<{ id: string }>(
      await m.query(
        `UPDATE outgoing_webhook_deliveries SET next_attempt_at = now(), updated_at = now()
          WHERE endpoint_id = $1 AND state = 'pending' RETURNING id`,
        [endpointId],
      ),
    ).length;
  }

  /** A delivery due again now with a fresh count of attempts (the same event id and body); null when none. */
  async resetForReplay(organisationId: string, id: string): Promise<{ endpointId: string } | null> {
    const rows = updatedRows<{ endpointId: string }>(
      await this.db.query(
        `UPDATE outgoing_webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now()
          WHERE organisation_id = $1 AND id = $2 RETURNING endpoint_id AS "endpointId"`,
        [organisationId, id],
      ),
    );
    return rows[0] ?? null;
  }

  /**
   * Deletes finished deliveries (their attempts go with them) not touched for `days`, then events older than that
   * left without a delivery; a delivery still pending is kept however old. Answers how many of each went.
   */
  async prune(days: number): Promise<{ deliveries: number; events: number }> {
    const deliveries = updatedRows<{ id: string }>(
      await this.db.query(
        `DELETE FROM outgoing_webhook_deliveries WHERE state <> 'pending' AND updated_at < now() - $1 * interval '1 day' RETURNING id`,
        [days],
      ),
    ).length;
    const events = updatedRows<{ id: string }>(
      await this.db.query(
        `DELETE FROM outgoing_webhook_events ev
          WHERE ev.created_at < now() - $1 * interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM outgoing_webhook_deliveries d WHERE d.event_id = ev.id)
        RETURNING id`,
        [days],
      ),
    ).length;
    return { deliveries, events };
  }

  async list(organisationId: string, query: WebhookDeliveryListQuery, page: { limit: number; offset: number }) {
    const where = [`d.organisation_id = $1`];
    const params: unknown[] = [organisationId];
    if (query.endpointId) where.push(`d.endpoint_id = $${params.push(query.endpointId)}`);
    if (query.eventId) where.push(`d.event_id = $${params.push(query.eventId)}`);
    if (query.eventType) where.push(`d.event_type = $${params.push(query.eventType)}`);
    if (query.state) where.push(`d.state = $${params.push(query.state)}`);
    const filter = where.join(' AND ');
    const [items, [{ total }]] = (await Promise.all([
      this.db.query(
        `SELECT ${DELIVERY_COLUMNS} FROM outgoing_webhook_deliveries d JOIN outgoing_webhook_endpoints e ON e.id = d.endpoint_id
          WHERE ${filter} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, page.limit, page.offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM outgoing_webhook_deliveries d WHERE ${filter}`, params),
    ])) as [DeliveryRow[], { total: number }[]];
    return { items, total };
  }

  async find(organisationId: string, id: string): Promise<DeliveryRow | null> {
    const rows = (await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM outgoing_webhook_deliveries d JOIN outgoing_webhook_endpoints e ON e.id = d.endpoint_id
        WHERE d.organisation_id = $1 AND d.id = $2`,
      [organisationId, id],
    )) as DeliveryRow[];
    return rows[0] ?? null;
  }

  /** A delivery's attempts, oldest first, with the body they sent. */
  async attempts(organisationId: string, deliveryId: string): Promise<{ body: string; attempts: AttemptRow[] }> {
    const [bodyRows, attempts] = (await Promise.all([
      this.db.query(
        `SELECT ev.body FROM outgoing_webhook_deliveries d JOIN outgoing_webhook_events ev ON ev.id = d.event_id
          WHERE d.organisation_id = $1 AND d.id = $2`,
        [organisationId, deliveryId],
      ),
      this.db.query(
        `SELECT id, at, duration_ms AS "durationMs", url, request_headers AS "requestHeaders", response_status AS "responseStatus",
                response_body_excerpt AS "responseBodyExcerpt", error, success
           FROM outgoing_webhook_attempts WHERE organisation_id = $1 AND delivery_id = $2 ORDER BY at, id`,
        [organisationId, deliveryId],
      ),
    ])) as [{ body: string }[], AttemptRow[]];
    return { body: bodyRows[0]?.body ?? '', attempts };
  }
}

function distinctTargets(rows: EndpointTarget[]): EndpointTarget[] {
  const seen = new Map<string, EndpointTarget>();
  for (const row of rows) seen.set(row.endpointId, row);
  return [...seen.values()];
}
