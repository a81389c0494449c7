import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead pipeline's per-lead timeline: one row per (organisation, Meta lead) saying where the lead is
 * (received → fetched → mapped → stored, or failed / parked with the error), so failures are visible and replayable.
 * Replays are a third way a Meta lead can arrive, so the mapping's `source` accepts them.
 */
export class MetaLeadSyncs1764400600000 implements MigrationInterface {
  name = 'MetaLeadSyncs1764400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE meta_lead_sync_state AS ENUM ('pending', 'stored', 'duplicate', 'failed', 'parked', 'skipped')`);
    await q.query(`
      CREATE TABLE meta_lead_syncs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        page_id varchar(100) NOT NULL,
        form_id varchar(100),
        leadgen_id varchar(100) NOT NULL,
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        inbox_id uuid REFERENCES meta_webhook_inbox(id) ON DELETE SET NULL,
        state meta_lead_sync_state NOT NULL DEFAULT 'pending',
        received_at timestamptz NOT NULL DEFAULT now(),
        fetched_at timestamptz,
        mapped_at timestamptz,
        stored_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        replays integer NOT NULL DEFAULT 0 CHECK (replays >= 0),
        error_kind varchar(20),
        error_code integer,
        error_message text,
        hint text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_lead_syncs_org_leadgen ON meta_lead_syncs (organisation_id, leadgen_id)`);
    await q.query(`CREATE INDEX ix_meta_lead_syncs_org_state_updated ON meta_lead_syncs (organisation_id, state, updated_at DESC)`);
    await q.query(`CREATE INDEX ix_meta_lead_syncs_inbox ON meta_lead_syncs (inbox_id) WHERE inbox_id IS NOT NULL`);

    await q.query(`ALTER TABLE meta_lead_mappings DROP CONSTRAINT IF EXISTS meta_lead_mappings_source_check`);
    await q.query(
      `ALTER TABLE meta_lead_mappings ADD CONSTRAINT meta_lead_mappings_source_check CHECK (source IN ('webhook', 'backfill', 'replay'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_mappings DROP CONSTRAINT IF EXISTS meta_lead_mappings_source_check`);
    await q.query(`UPDATE meta_lead_mappings SET source = 'webhook' WHERE source = 'replay'`);
    await q.query(
      `ALTER TABLE meta_lead_mappings ADD CONSTRAINT meta_lead_mappings_source_check CHECK (source IN ('webhook', 'backfill'))`,
    );
    await q.query(`DROP TABLE meta_lead_syncs`);
    await q.query(`DROP TYPE meta_lead_sync_state`);
  }
}
