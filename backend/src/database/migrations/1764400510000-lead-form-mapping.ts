import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A lead form's mapping of questions to lead fields, default values and required fields
 * (`modules/meta-leads/mapping/form-mapping.ts`). Null means Meta's standard defaults only.
 */
export class LeadFormMapping1764400510000 implements MigrationInterface {
  name = 'LeadFormMapping1764400510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_forms ADD COLUMN mapping jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_forms DROP COLUMN mapping`);
  }
}
