import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead side of MetaInsights' lead-to-revenue join: the leads that can count (not organic, not test, with a
 * campaign) by organisation and time, carrying every column the join reads, so a dashboard range is an index-only
 * range scan instead of a walk over the organisation's whole lead table.
 */
export class InsightsLeadJoin1764401220000 implements MigrationInterface {
  name = 'InsightsLeadJoin1764401220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ix_leads_insights_join ON leads (organisation_id, received_at)
        INCLUDE (campaign_id, adset_id, ad_id, status, premium_value, premium_currency)
        WHERE NOT is_organic AND NOT is_test AND campaign_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leads_insights_join`);
  }
}
