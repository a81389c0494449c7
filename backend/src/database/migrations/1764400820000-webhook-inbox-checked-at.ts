import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox relay also checks `enqueued` deliveries against the queue and their leads (lost jobs are queued again,
 * deliveries whose leads are all done are closed). It takes the rows checked longest ago first, a bounded number per
 * run: `checked_at` says when a row was last checked, and the partial index holds only the `enqueued` rows, in that
 * order, so finding them never reads the rest of the inbox.
 */
export class WebhookInboxCheckedAt1764400820000 implements MigrationInterface {
  name = 'WebhookInboxCheckedAt1764400820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN checked_at timestamptz`);
    await q.query(
      `CREATE INDEX ix_meta_webhook_inbox_enqueued_check ON meta_webhook_inbox ((COALESCE(checked_at, enqueued_at)), id) WHERE status = 'enqueued'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_meta_webhook_inbox_enqueued_check`);
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN checked_at`);
  }
}
