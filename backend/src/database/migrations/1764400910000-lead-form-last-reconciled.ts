import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each form's leads were last reconciled with Meta, and how it went: the console shows it next to the form, so
 * an admin can tell a form that is swept from one that is silently skipped.
 */
export class LeadFormLastReconciled1764400910000 implements MigrationInterface {
  name = 'LeadFormLastReconciled1764400910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE meta_lead_forms
        ADD COLUMN last_reconciled_at timestamptz,
        ADD COLUMN last_reconcile_outcome varchar(10) CHECK (last_reconcile_outcome IN ('ok', 'skipped', 'failed')),
        ADD COLUMN last_reconcile_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE meta_lead_forms DROP COLUMN last_reconciled_at, DROP COLUMN last_reconcile_outcome, DROP COLUMN last_reconcile_note`,
    );
  }
}
