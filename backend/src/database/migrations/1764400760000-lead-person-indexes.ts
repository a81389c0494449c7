import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The person-duplicate lookup (`meta-leads/mapping/duplicate-finder.ts`) asks, for one organisation and one email
 * (or phone), for the earliest lead received in a window. With (organisation, email) alone the planner often
 * preferred walking `ix_leads_org_received` in time order and filtering on the email, which reads every lead of the
 * window: on a busy organisation that is thousands of rows per stored lead (it was the largest cost of a lead
 * drain). With `received_at` in these indexes the lookup is one short index range in the order asked for. The names
 * stay, so the search filters and the plan checks that name them keep working.
 */
export class LeadPersonIndexes1764400760000 implements MigrationInterface {
  name = 'LeadPersonIndexes1764400760000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leads_org_email`);
    await q.query(`CREATE INDEX ix_leads_org_email ON leads (organisation_id, email_normalized, received_at)`);
    await q.query(`DROP INDEX ix_leads_org_phone`);
    await q.query(`CREATE INDEX ix_leads_org_phone ON leads (organisation_id, phone_e164, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leads_org_phone`);
    await q.query(`CREATE INDEX ix_leads_org_phone ON leads (organisation_id, phone_e164)`);
    await q.query(`DROP INDEX ix_leads_org_email`);
    await q.query(`CREATE INDEX ix_leads_org_email ON leads (organisation_id, email_normalized)`);
  }
}
