import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Overview counts an organisation's lead syncs received today and this week: an index on that range. */
export class LeadSyncsReceivedIndex1764400900000 implements MigrationInterface {
  name = 'LeadSyncsReceivedIndex1764400900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_meta_lead_syncs_org_received ON meta_lead_syncs (organisation_id, received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_meta_lead_syncs_org_received`);
  }
}
