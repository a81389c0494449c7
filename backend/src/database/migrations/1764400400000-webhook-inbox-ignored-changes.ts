import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the webhook endpoint records about each delivery beyond the raw body: which parts produced no job and why
 * (unknown page, another field, ...), how many lead jobs it produced, and when they were enqueued.
 */
export class WebhookInboxIgnoredChanges1764400400000 implements MigrationInterface {
  name = 'WebhookInboxIgnoredChanges1764400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN ignored_changes jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN job_count integer CHECK (job_count >= 0)`);
    await q.query(`ALTER TABLE meta_webhook_inbox ADD COLUMN enqueued_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN enqueued_at`);
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN job_count`);
    await q.query(`ALTER TABLE meta_webhook_inbox DROP COLUMN ignored_changes`);
  }
}
