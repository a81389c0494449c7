import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a lead's consent was given to: the form's legal content (custom disclaimer with its checkboxes, privacy
 * policy), read when forms are synced (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create).
 * And the business a Page belongs to, which tells which ad accounts (and so which currency) go with its leads.
 */
export class LeadFormLegalContent1764401130000 implements MigrationInterface {
  name = 'LeadFormLegalContent1764401130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_lead_forms ADD COLUMN legal_content jsonb`);
    await q.query(`ALTER TABLE meta_pages ADD COLUMN business_id varchar(100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_pages DROP COLUMN business_id`);
    await q.query(`ALTER TABLE meta_lead_forms DROP COLUMN legal_content`);
  }
}
