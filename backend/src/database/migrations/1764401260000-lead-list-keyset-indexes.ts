import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead list at a million leads: every list is ordered by (received_at, id), so each filter's index carries that
 * order after its key. PostgreSQL then reads a page (by offset's first rows or by cursor) straight off the index in
 * order, instead of collecting every lead of a status or form and sorting them for 50 rows. They replace the
 * single-column indexes they extend.
 */
export class LeadListKeysetIndexes1764401260000 implements MigrationInterface {
  name = 'LeadListKeysetIndexes1764401260000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_leads_org_received_id ON leads (organisation_id, received_at, id)`);
    await q.query(`CREATE INDEX ix_leads_org_status_received ON leads (organisation_id, status, received_at, id)`);
    await q.query(`CREATE INDEX ix_leads_org_form_received ON leads (organisation_id, form_id, received_at, id)`);
    await q.query(`CREATE INDEX ix_leads_org_campaign_received ON leads (organisation_id, campaign_id, received_at, id)`);
    await q.query(`DROP INDEX ix_leads_org_received`);
    await q.query(`DROP INDEX ix_leads_org_status`);
    await q.query(`DROP INDEX ix_leads_org_form`);
    await q.query(`DROP INDEX ix_leads_org_campaign`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_leads_org_received ON leads (organisation_id, received_at)`);
    await q.query(`CREATE INDEX ix_leads_org_status ON leads (organisation_id, status)`);
    await q.query(`CREATE INDEX ix_leads_org_form ON leads (organisation_id, form_id)`);
    await q.query(`CREATE INDEX ix_leads_org_campaign ON leads (organisation_id, campaign_id)`);
    await q.query(`DROP INDEX ix_leads_org_received_id`);
    await q.query(`DROP INDEX ix_leads_org_status_received`);
    await q.query(`DROP INDEX ix_leads_org_form_received`);
    await q.query(`DROP INDEX ix_leads_org_campaign_received`);
  }
}
