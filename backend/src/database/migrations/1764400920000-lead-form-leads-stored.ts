import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A form's counts said two things at once: `leads_count` was Meta's number, set at each asset refresh, and bumped in
 * between as leads were stored here. Now `leads_count` is Meta's alone and `leads_stored` counts the leads stored
 * here (test leads included), starting from what the lead store holds. Archived forms found from now on start with
 * auto-sync off; the forms already known keep the choice made for them.
 */
export class LeadFormLeadsStored1764400920000 implements MigrationInterface {
  name = 'LeadFormLeadsStored1764400920000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_forms ADD COLUMN leads_stored integer NOT NULL DEFAULT 0 CHECK (leads_stored >= 0)`);
    await q.query(`
      UPDATE meta_lead_forms f SET leads_stored = c.n
        FROM (SELECT organisation_id, form_id, count(*)::int AS n FROM leads WHERE form_id IS NOT NULL GROUP BY 1, 2) c
       WHERE f.organisation_id = c.organisation_id AND f.form_id = c.form_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_forms DROP COLUMN leads_stored`);
  }
}
