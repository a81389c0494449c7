import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState } from '@legeai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { LeadSyncJobData } from './leadgen-job-options';
import { PAGE_CONNECTION_COLUMNS, type PageConnection } from './page-connections';
import type { SyncFailure } from './sync-failure-policy';

/** The part of a timeline row the pipeline needs when it starts on a lead. */
export interface SyncStart {
  id: string;
  state: LeadSyncState;
  leadId: string | null;
}

/** One organisation's share of a lead job: its connection of the Page and its timeline row. */
export interface StartedSync {
  connection: PageConnection;
  start: SyncStart;
}

const DONE = `('stored', 'duplicate')`;

/** What the `stored` step records for one lead. */
export interface StoredStep {
  outcome: 'created' | 'existing';
  leadId: string;
  mappedAt: Date;
  fetchedAt: Date;
  formId: string | null;
}

/**
 * Writes the per-lead timeline (`meta_lead_syncs`). Every write is one statement keyed by the row, so concurrent
 * jobs of the same lead (a replay racing a webhook job) cannot lose a step; a stored lead never goes back.
 * A lead that goes through costs two writes: `begin` when its job starts, and `stored` (fetched, mapped and stored
 * at once) inside the transaction that stores the lead, so the timeline and the lead store commit together.
 */
@Injectable()
export class LeadSyncTimeline {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Starts a job: reads the organisations that connected the job's Page and, for each, creates the lead's row (or
   * counts another attempt; a finished row keeps its state). One statement. No organisation: nothing is written.
   *
   * The statement commits without waiting for its WAL flush (`synchronous_commit` off for its own transaction,
   * through `set_config(…, true)`), which saves a disk flush per lead. Nothing is lost that matters: the lead's
   * storing transaction commits synchronously later and its flush covers these rows too; if the database crashes
   * before that, the job was not finished either and runs again, writing them again.
   */
  async begin(data: LeadSyncJobData): Promise<StartedSync[]> {
    const rows = (await this.db.query(
      `WITH connection AS (
         SELECT ${PAGE_CONNECTION_COLUMNS}
           FROM meta_pages p JOIN meta_integrations i ON i.id = p.integration_id AND i.organisation_id = p.organisation_id
          WHERE p.page_id = $1),
       started AS (
         INSERT INTO meta_lead_syncs (organisation_id, page_id, form_id, leadgen_id, inbox_id, received_at, attempts)
         SELECT c."organisationId", $1::varchar, $2::varchar, $3::varchar, $4::uuid, $5::timestamptz, 1
           FROM connection c, (SELECT set_config('synchronous_commit', 'off', true)) AS without_flush_wait
         ON CONFLICT (organisation_id, leadgen_id) DO UPDATE SET
           attempts = CASE WHEN meta_lead_syncs.state IN ${DONE} AND $6 THEN meta_lead_syncs.attempts ELSE meta_lead_syncs.attempts + 1 END,
           state = CASE WHEN meta_lead_syncs.state IN ${DONE} THEN meta_lead_syncs.state ELSE 'pending' END,
           form_id = COALESCE(meta_lead_syncs.form_id, EXCLUDED.form_id),
           inbox_id = COALESCE(meta_lead_syncs.inbox_id, EXCLUDED.inbox_id),
           updated_at = now()
         RETURNING id, organisation_id, state, lead_id)
       SELECT c.*, s.id AS "syncId", s.state AS "syncState", s.lead_id AS "syncLeadId"
         FROM connection c JOIN started s ON s.organisation_id = c."organisationId"
        ORDER BY c."organisationId"`,
      [data.pageId, data.formId, data.leadgenId, data.inboxId || null, data.receivedAt, !data.replay],
    )) as (PageConnection & { syncId: string; syncState: LeadSyncState; syncLeadId: string | null })[];
    return rows.map(({ syncId, syncState, syncLeadId, ...connection }) => ({
      connection,
      start: { id: syncId, state: syncState, leadId: syncLeadId },
    }));
  }

  /**
   * The lead is in the store: by this sync (`created`) or already before it. Runs in the storing transaction
   * (`tx`), so the step is recorded exactly when the lead is; `fetchedAt` is when the Graph read answered.
   */
  async stored(tx: EntityManager, id: string, result: StoredStep): Promise<void> {
    await this.storedMany(tx, [{ id, ...result }]);
  }

  /** `stored` for the leads of one storing transaction, in one statement. */
  async storedMany(tx: EntityManager, steps: (StoredStep & { id: string })[]): Promise<void> {
    if (!steps.length) return;
    await tx.query(
      `UPDATE meta_lead_syncs s SET
         state = CASE WHEN v.outcome = 'created' OR s.state = 'stored' THEN 'stored'::meta_lead_sync_state ELSE 'duplicate'::meta_lead_sync_state END,
         lead_id = v.lead_id, fetched_at = v.fetched_at, form_id = COALESCE(v.form_id, s.form_id),
         mapped_at = COALESCE(s.mapped_at, v.mapped_at), stored_at = COALESCE(s.stored_at, clock_timestamp()),
         error_kind = NULL, error_code = NULL, error_message = NULL, hint = NULL, updated_at = clock_timestamp()
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[])
         AS v(id, outcome, lead_id, mapped_at, fetched_at, form_id)
       WHERE s.id = v.id`,
      [
        steps.map((x) => x.id),
        steps.map((x) => x.outcome),
        steps.map((x) => x.leadId),
        steps.map((x) => x.mappedAt),
        steps.map((x) => x.fetchedAt),
        steps.map((x) => x.formId),
      ],
    );
  }

  /**
   * Records a failed attempt and the state it leaves the lead in (never over a stored lead); `fetched` when the
   * Graph read had answered before the attempt failed (mapping or storing failed).
   */
  async failed(id: string, state: LeadSyncState, failure: SyncFailure, fetched?: { at: Date; formId: string | null }): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET state = $2, error_kind = $3, error_code = $4, error_message = $5, hint = $6,
         fetched_at = COALESCE($7, fetched_at), form_id = COALESCE($8, form_id), updated_at = now()
        WHERE id = $1 AND state NOT IN ${DONE}`,
      [id, state, failure.kind, failure.code, failure.message.slice(0, 2000), failure.hint, fetched?.at ?? null, fetched?.formId ?? null],
    );
  }

  async skipped(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET state = 'skipped', error_kind = NULL, error_code = NULL, error_message = $2, hint = NULL, updated_at = now()
        WHERE id = $1 AND state NOT IN ${DONE}`,
      [id, reason],
    );
  }

  /**
   * Marks the webhook delivery processed once every lead it announced is finished for every organisation. Rows for
   * all organisations of a lead are created before any is processed, so a half-done lead keeps the delivery open.
   *
   * Runs after every lead job, and a delivery carries up to 1,000 leads, so the usual answer ("no, other leads of
   * it are still in progress") must be cheap: the first test is one probe of `ix_meta_lead_syncs_inbox_open`,
   * which holds only unfinished rows. Only when none is left does it count the delivery's leads (the ones whose
   * jobs have not started yet have no row), which happens about once per delivery. The CASE fixes that order.
   * Nothing is written (and no row lock taken) until the delivery is really done.
   */
  async closeDelivery(inboxId: string, manager: Pick<EntityManager, 'query'> = this.db): Promise<void> {
    await manager.query(
      `UPDATE meta_webhook_inbox i SET status = 'processed', processed_at = now()
        WHERE i.id = $1 AND i.status = 'enqueued'
          AND CASE
                WHEN EXISTS (SELECT 1 FROM meta_lead_syncs s
                              WHERE s.inbox_id = i.id AND s.inbox_id IS NOT NULL AND s.state NOT IN ('stored', 'duplicate', 'skipped'))
                  THEN false
                ELSE (SELECT count(DISTINCT s.leadgen_id) FROM meta_lead_syncs s WHERE s.inbox_id = i.id) >= COALESCE(i.job_count, 0)
              END`,
      [inboxId],
    );
  }
}
