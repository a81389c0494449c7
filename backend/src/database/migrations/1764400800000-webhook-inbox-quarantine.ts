import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed deliveries whose body cannot be processed (another content type, not UTF-8, not JSON, or JSON with a string
 * PostgreSQL cannot hold) are kept as `quarantined` with the reason instead of being refused. And what the reads
 * that list deliveries need (the Pages a delivery names, its number of changes) is stored at ingest, so no read
 * parses `raw_body` again: one such body made the Activity page fail for every organisation.
 * The rows stored before are filled in by the next migration (a new enum value cannot be used in the transaction
 * that adds it).
 */
export class WebhookInboxQuarantine1764400800000 implements MigrationInterface {
  name = 'WebhookInboxQuarantine1764400800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE webhook_inbox_status ADD VALUE IF NOT EXISTS 'quarantined'`);
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN quarantine_reason varchar(30)`);
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN page_ids text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN change_count integer NOT NULL DEFAULT 0 CHECK (change_count >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN change_count`);
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN page_ids`);
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN quarantine_reason`);
    // PostgreSQL cannot drop an enum value: quarantined rows become failed, which retention keeps for a look.
    await q.query(`UPDATE meta_webhook_inbox SET status = 'failed' WHERE status = 'quarantined'`);
  }
}
