import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After every lead job the pipeline asks whether the job's webhook delivery still has unfinished leads. A delivery
 * carries up to 1,000 leads, so scanning all of its timeline rows each time made a delivery quadratic; this index
 * holds only the unfinished rows, so the question is one index probe whatever the delivery's size.
 */
export class LeadSyncOpenByInbox1764400750000 implements MigrationInterface {
  name = 'LeadSyncOpenByInbox1764400750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_meta_lead_syncs_inbox_open ON meta_lead_syncs (inbox_id)
        WHERE inbox_id IS NOT NULL AND state NOT IN ('stored', 'duplicate', 'skipped')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_meta_lead_syncs_inbox_open`);
  }
}
