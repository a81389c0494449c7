import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WebhookInboxStatus, type WebhookQuarantineReason } from '@legeai/contracts';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { organisationPageIdsSql } from '../../meta-assets';
import { WebhookInboxEntry } from '../entities/webhook-inbox-entry.entity';
import type { IgnoredChange } from '../ingest/leadgen-changes';
import { countUnknownPages, type UnknownPageCount, type UnknownPageMention } from './unknown-pages';

/** The part of node-postgres' pool this repository uses (TypeORM types the driver's pool as `any`). */
type PgPool = { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/** A stored delivery as the dispatch reads it back: its id, bytes and arrival. */
export type StoredDelivery = Pick<WebhookInboxEntry, 'id' | 'rawBody' | 'receivedAt'>;

/** The columns ingest writes for a delivery, in INSERT order: raw body, body hash, object, signature, Pages, changes. */
export type DeliveryColumns = [
  rawBody: Buffer,
  bodySha256: string,
  object: string | null,
  signature: string,
  pageIds: string[],
  changeCount: number,
];

/** What the dispatch settled for one row: its lead jobs are queued (`enqueued`), or it had nothing to do (`ignored`). */
export interface DispatchedRow {
  id: string;
  status: WebhookInboxStatus.Enqueued | WebhookInboxStatus.Ignored;
  ignored: IgnoredChange[];
  jobCount: number;
}

/**
 * A condition on the inbox row `i` that holds once the work of the row's changes is finished. The handler of the
 * row's field writes it (it knows its own records of that work); the inbox only closes the row when it holds.
 */
export interface FinishedDeliveryCondition {
  readonly sql: string;
}

/** A delivery as the console's Activity page lists it. */
export interface RecentDelivery {
  id: string;
  received_at: Date;
  status: WebhookInboxStatus;
  quarantine_reason: WebhookQuarantineReason | null;
  job_count: number | null;
  change_count: number;
  ignored_changes: { reason: string; field?: string | null; pageId?: string | null }[] | null;
}

/** The Pages and the change count are kept for the reads that list deliveries, which never parse a stored body. */
const INSERT_DELIVERY = `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature, page_ids, change_count)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (body_sha256) DO NOTHING RETURNING id, received_at`;

/** A quarantined body is finished with once stored: nothing is queued for it. */
const INSERT_QUARANTINED = `INSERT INTO meta_webhook_inbox
    (raw_body, body_sha256, object, signature, page_ids, change_count, status, quarantine_reason, processed_at)
  VALUES ($1, $2, $3, $4, $5, $6, 'quarantined', $7, now()) ON CONFLICT (body_sha256) DO NOTHING RETURNING id`;

/**
 * Moves rows on from `received` only: if a worker already took a job and recorded progress, a late update here must
 * not overwrite it. One statement for a whole batch; each row gets its own status, ignored changes and job count.
 */
const MARK_DISPATCHED = `
  UPDATE meta_webhook_inbox AS i SET
    status = v.status::webhook_inbox_status,
    ignored_changes = v.ignored::jsonb,
    job_count = v.job_count,
    attempts = i.attempts + 1,
    last_error = CASE WHEN v.status = 'enqueued' THEN NULL ELSE i.last_error END,
    enqueued_at = CASE WHEN v.status = 'enqueued' THEN now() ELSE i.enqueued_at END,
    processed_at = CASE WHEN v.status = 'ignored' THEN now() ELSE i.processed_at END
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) AS v(id, status, ignored, job_count)
  WHERE i.id = v.id AND i.status = 'received'`;

/** The queue was down: the rows stay `received` for the relay, with the attempt and the error recorded. */
const MARK_PENDING = `
  UPDATE meta_webhook_inbox AS i SET attempts = i.attempts + 1, last_error = $3, ignored_changes = v.ignored::jsonb
  FROM unnest($1::uuid[], $2::text[]) AS v(id, ignored)
  WHERE i.id = v.id AND i.status = 'received'`;

/**
 * The `enqueued` rows to check: enqueued (or checked) long enough ago, checked longest ago first
 * (ix_meta_webhook_inbox_enqueued_check), as many as fit in the lead budget (by `job_count`; the first row always does).
 */
const ENQUEUED_TO_CHECK = `
  SELECT i.id, i.raw_body AS "rawBody", i.received_at AS "receivedAt"
    FROM (SELECT id, COALESCE(checked_at, enqueued_at) AS since,
                 sum(COALESCE(job_count, 0)) OVER (ORDER BY COALESCE(checked_at, enqueued_at), id) - COALESCE(job_count, 0) AS leads_before
            FROM meta_webhook_inbox
           WHERE status = 'enqueued' AND COALESCE(checked_at, enqueued_at) < now() - make_interval(secs => $1::float8 / 1000)
           ORDER BY COALESCE(checked_at, enqueued_at), id
           LIMIT $2) c
    JOIN meta_webhook_inbox i ON i.id = c.id
   WHERE c.leads_before = 0 OR c.leads_before < $3
   ORDER BY c.since, c.id`;

/** Only a row still `enqueued` moves: the work of its changes may have closed it meanwhile (closeWhenFinished). */
const CLOSE_CHECKED = `UPDATE meta_webhook_inbox SET status = 'processed', processed_at = now(), checked_at = now() WHERE id = ANY($1) AND status = 'enqueued'`;
const MARK_CHECKED = `UPDATE meta_webhook_inbox SET checked_at = now() WHERE id = ANY($1) AND status = 'enqueued'`;

/**
 * The newest deliveries naming one of the organisation's Pages, from columns ingest filled in (`page_ids`,
 * `change_count`): the stored body is never parsed here, so no row, however malformed its body, can fail the read.
 * The window is the newest rows of each status (a backward probe of `ix_meta_webhook_inbox_status_received` each)
 * instead of a sort of the whole inbox. `$4`: also the quarantined deliveries that name no Page at all.
 */
const RECENT_FOR_ORGANISATION = `
  WITH recent AS (
    SELECT r.* FROM unnest(enum_range(NULL::webhook_inbox_status)) AS s(status),
      LATERAL (SELECT i.id, i.received_at, i.status, i.quarantine_reason, i.job_count, i.change_count, i.ignored_changes, i.page_ids
                 FROM meta_webhook_inbox i WHERE i.status = s.status ORDER BY i.received_at DESC LIMIT $3) r
     ORDER BY r.received_at DESC LIMIT $3),
  pages AS (SELECT coalesce(array_agg(o.page_id::text), '{}') AS ids FROM ${organisationPageIdsSql('$1')} o)
  SELECT r.id, r.received_at, r.status, r.quarantine_reason, r.job_count, r.change_count, r.ignored_changes
    FROM recent r, pages p
   WHERE r.page_ids && p.ids OR ($4 AND r.status = 'quarantined' AND cardinality(r.page_ids) = 0)
   ORDER BY r.received_at DESC LIMIT $2`;

/**
 * The Pages named by changes the dispatch ignored as `unknown_page` (no organisation had connected the Page), one row
 * per (delivery, Page), in deliveries received since `$2`; Pages the organisation `$1` has connected since are left
 * out. Bounded like RECENT_FOR_ORGANISATION: the newest `$3` rows of each status, by the status/received_at index.
 */
const UNKNOWN_PAGE_MENTIONS = `
  WITH recent AS (
    SELECT r.* FROM unnest(enum_range(NULL::webhook_inbox_status)) AS s(status),
      LATERAL (SELECT i.id, i.received_at, i.ignored_changes FROM meta_webhook_inbox i
                WHERE i.status = s.status AND i.received_at >= $2 AND i.ignored_changes IS NOT NULL
                ORDER BY i.received_at DESC LIMIT $3) r)
  SELECT DISTINCT r.id, c->>'pageId' AS page_id, r.received_at
    FROM recent r, jsonb_array_elements(r.ignored_changes) c
   WHERE c->>'reason' = 'unknown_page' AND c->>'pageId' IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM ${organisationPageIdsSql('$1')} p WHERE p.page_id = c->>'pageId')`;

/**
 * Every statement on `meta_webhook_inbox`: the one place that knows the inbox's columns, states and indexes. Other
 * modules reach the inbox through this class (exported by the module's index), never with SQL of their own.
 */
@Injectable()
export class WebhookInboxRepository {
  /**
   * The connection pool under TypeORM. The one INSERT that every delivery waits for goes straight to it: TypeORM's
   * query runner (a pool checkout, logging hooks and result shaping per call) costs more CPU than the insert itself
   * at webhook rates, and this statement needs none of it.
   */
  private readonly pool: PgPool;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.pool = (db.driver as PostgresDriver).master as PgPool;
  }

  /** Stores a delivery (one row per distinct body); answers its row, or undefined for a body stored before. */
  async insertDelivery(columns: DeliveryColumns): Promise<{ id: string; received_at: Date } | undefined> {
    const inserted = await this.pool.query(INSERT_DELIVERY, columns);
    return inserted.rows[0] as { id: string; received_at: Date } | undefined;
  }

  /** Stores a quarantined delivery with its reason; answers its id, or undefined for a body stored before. */
  async insertQuarantined(columns: DeliveryColumns, reason: WebhookQuarantineReason): Promise<string | undefined> {
    const inserted = await this.pool.query(INSERT_QUARANTINED, [...columns, reason]);
    return (inserted.rows[0] as { id: string } | undefined)?.id;
  }

  async markDispatched(rows: DispatchedRow[]): Promise<void> {
    await this.db.query(MARK_DISPATCHED, [
      rows.map((r) => r.id),
      rows.map((r) => r.status),
      rows.map((r) => JSON.stringify(r.ignored)),
      rows.map((r) => r.jobCount),
    ]);
  }

  async markPending(rows: { id: string; ignored: IgnoredChange[] }[], error: string): Promise<void> {
    await this.db.query(MARK_PENDING, [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r.ignored)), error.slice(0, 1000)]);
  }

  /** Rows still `received` that arrived before `before`, oldest first. */
  receivedBefore(before: Date, limit: number): Promise<StoredDelivery[]> {
    return this.db.getRepository(WebhookInboxEntry).find({
      select: { id: true, rawBody: true, receivedAt: true },
      where: { status: WebhookInboxStatus.Received, receivedAt: LessThan(before) },
      order: { receivedAt: 'ASC' },
      take: limit,
    });
  }

  async enqueuedToCheck(minAgeMs: number, maxRows: number, maxLeads: number): Promise<StoredDelivery[]> {
    return (await this.db.query(ENQUEUED_TO_CHECK, [minAgeMs, maxRows, maxLeads])) as StoredDelivery[];
  }

  /** Closes checked `enqueued` rows whose changes are all finished; answers how many moved. */
  closeChecked(ids: string[]): Promise<number> {
    return this.update(CLOSE_CHECKED, ids);
  }

  /** Records that these `enqueued` rows were checked and stay open. */
  markChecked(ids: string[]): Promise<number> {
    return this.update(MARK_CHECKED, ids);
  }

  /**
   * Marks the delivery processed once `finished` holds for it, in one statement (a lead job runs it after every lead,
   * inside the storing transaction's connection when given `manager`). Nothing is written, and no row lock taken,
   * while the delivery is not finished.
   */
  async closeWhenFinished(
    inboxId: string,
    finished: FinishedDeliveryCondition,
    manager: Pick<EntityManager, 'query'> = this.db,
  ): Promise<void> {
    await manager.query(
      `UPDATE meta_webhook_inbox i SET status = 'processed', processed_at = now()
        WHERE i.id = $1 AND i.status = 'enqueued' AND ${finished.sql}`,
      [inboxId],
    );
  }

  /** Deletes rows in one of `statuses` received before `cutoff`; answers how many. */
  async deleteReceivedBefore(statuses: WebhookInboxStatus[], cutoff: Date): Promise<number> {
    const result = await this.db.getRepository(WebhookInboxEntry).delete({ status: In(statuses), receivedAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  /** The newest deliveries naming one of the organisation's Pages (see RECENT_FOR_ORGANISATION). */
  async recentForOrganisation(
    organisationId: string,
    limit: number,
    scanned: number,
    withUnattributedQuarantined: boolean,
  ): Promise<RecentDelivery[]> {
    return (await this.db.query(RECENT_FOR_ORGANISATION, [
      organisationId,
      limit,
      scanned,
      withUnattributedQuarantined,
    ])) as RecentDelivery[];
  }

  /**
   * Pages not connected in the organisation that Meta delivered leads for since `since` (see UNKNOWN_PAGE_MENTIONS),
   * with how many deliveries and the newest, at most `limit` Pages. Webhooks are app-wide: the list is the same for
   * every organisation but for the Pages each has connected.
   */
  async unknownPages(organisationId: string, since: Date, scanned: number, limit: number): Promise<UnknownPageCount[]> {
    const mentions = (await this.db.query(UNKNOWN_PAGE_MENTIONS, [organisationId, since, scanned])) as UnknownPageMention[];
    return countUnknownPages(mentions, limit);
  }

  /**
   * When Meta last delivered a webhook to this app. Webhooks are app-wide and carry only Page ids, and the inbox does
   * not record organisations, so this is the app's last delivery. Asked on every status request: one backward probe
   * of `ix_meta_webhook_inbox_status_received` per status instead of a scan of the whole inbox.
   */
  async lastReceivedAt(): Promise<Date | null> {
    const [row] = (await this.db.query(
      `SELECT max(m.last) AS at
         FROM unnest(enum_range(NULL::webhook_inbox_status)) AS s(status),
              LATERAL (SELECT max(i.received_at) AS last FROM meta_webhook_inbox i WHERE i.status = s.status) m`,
    )) as { at: Date | null }[];
    return row?.at ? new Date(row.at) : null;
  }

  private async update(sql: string, ids: string[]): Promise<number> {
    const result = (await this.db.query(sql, [ids])) as [unknown, number];
    return result[1];
  }
}
