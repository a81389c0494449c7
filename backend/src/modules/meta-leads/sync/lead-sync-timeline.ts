import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadSyncState } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import type { LeadSyncJobData } from './leadgen-job-options';
import type { SyncFailure } from './sync-failure-policy';

/** The part of a timeline row the pipeline needs when it starts on a lead. */
export interface SyncStart {
  id: string;
  state: LeadSyncState;
  leadId: string | null;
}

const DONE = `('stored', 'duplicate')`;

/**
 * Writes the per-lead timeline (`meta_lead_syncs`). Every write is one statement keyed by the row, so concurrent
 * jobs of the same lead (a replay racing a webhook job) cannot lose a step; a stored lead never goes back.
 */
@Injectable()
export class LeadSyncTimeline {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the row on the first job of a lead, or counts another attempt; a finished row keeps its state. */
  async begin(organisationId: string, data: LeadSyncJobData): Promise<SyncStart> {
    const rows = (await this.db.query(
      `INSERT INTO meta_lead_syncs (organisation_id, page_id, form_id, leadgen_id, inbox_id, received_at, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, 1)
       ON CONFLICT (organisation_id, leadgen_id) DO UPDATE SET
         attempts = CASE WHEN meta_lead_syncs.state IN ${DONE} AND $7 THEN meta_lead_syncs.attempts ELSE meta_lead_syncs.attempts + 1 END,
         state = CASE WHEN meta_lead_syncs.state IN ${DONE} THEN meta_lead_syncs.state ELSE 'pending' END,
         form_id = COALESCE(meta_lead_syncs.form_id, EXCLUDED.form_id),
         inbox_id = COALESCE(meta_lead_syncs.inbox_id, EXCLUDED.inbox_id),
         updated_at = now()
       RETURNING id, state, lead_id AS "leadId"`,
      [organisationId, data.pageId, data.formId, data.leadgenId, data.inboxId || null, data.receivedAt, !data.replay],
    )) as SyncStart[];
    return rows[0];
  }

  async fetched(id: string, formId: string | undefined): Promise<void> {
    await this.db.query(`UPDATE meta_lead_syncs SET fetched_at = now(), form_id = COALESCE($2, form_id), updated_at = now() WHERE id = $1`, [
      id,
      formId ?? null,
    ]);
  }

  /** The lead is in the store: by this sync (`created`) or already before it. */
  async stored(id: string, result: { outcome: 'created' | 'existing'; leadId: string; mappedAt: Date }): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET
         state = CASE WHEN $2 = 'created' OR state = 'stored' THEN 'stored'::meta_lead_sync_state ELSE 'duplicate'::meta_lead_sync_state END,
         lead_id = $3, mapped_at = COALESCE(mapped_at, $4), stored_at = COALESCE(stored_at, now()),
         error_kind = NULL, error_code = NULL, error_message = NULL, hint = NULL, updated_at = now()
       WHERE id = $1`,
      [id, result.outcome, result.leadId, result.mappedAt],
    );
  }

  /** Records a failed attempt and the state it leaves the lead in (never over a stored lead). */
  async failed(id: string, state: LeadSyncState, failure: SyncFailure): Promise<void> {
    await this.db.query(
      `UPDATE meta_lead_syncs SET state = $2, error_kind = $3, error_code = $4, error_message = $5, hint = $6, updated_at = now()
        WHERE id = $1 AND state NOT IN ${DONE}`,
      [id, state, failure.kind, failure.code, failure.message.slice(0, 2000), failure.hint],
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
   */
  async closeDelivery(inboxId: string): Promise<void> {
    await this.db.query(
      `UPDATE meta_webhook_inbox i SET status = 'processed', processed_at = now()
        WHERE i.id = $1 AND i.status = 'enqueued'
          AND NOT EXISTS (SELECT 1 FROM meta_lead_syncs s WHERE s.inbox_id = i.id AND s.state NOT IN ('stored', 'duplicate', 'skipped'))
          AND (SELECT count(DISTINCT s.leadgen_id) FROM meta_lead_syncs s WHERE s.inbox_id = i.id) >= COALESCE(i.job_count, 0)`,
      [inboxId],
    );
  }
}
