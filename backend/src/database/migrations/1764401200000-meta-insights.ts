import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MetaInsights: daily facts per ad account, level, object and breakdown, on the account's own calendar days
 * (https://developers.facebook.com/docs/marketing-api/insights/), the history of every value Meta restated, each pull
 * that was made (what it cost in Graph requests and report runs), each account's pull state, and the organisation's
 * ROI settings.
 *
 * Facts are keyed so that a re-pull updates a row in place (no duplicates): one row per
 * (organisation, account, level, breakdown, object, day, breakdown key). Levels are stored separately because reach
 * is deduplicated per level by Meta and must never be summed from ads; breakdowns are separate fact sets because they
 * change totals. Spend is in major units of the account currency, as the insights edge sends it.
 */
export class MetaInsights1764401200000 implements MigrationInterface {
  name = 'MetaInsights1764401200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meta_insight_facts (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        level varchar(10) NOT NULL CHECK (level IN ('account', 'campaign', 'adset', 'ad')),
        breakdown varchar(20) NOT NULL DEFAULT 'none' CHECK (breakdown IN ('none', 'platform', 'age_gender', 'region')),
        object_id varchar(100) NOT NULL,
        date date NOT NULL,
        breakdown_key varchar(200) NOT NULL DEFAULT '',
        campaign_id varchar(100),
        adset_id varchar(100),
        ad_id varchar(100),
        spend numeric(18, 4) NOT NULL DEFAULT 0,
        impressions bigint NOT NULL DEFAULT 0,
        reach bigint,
        clicks bigint NOT NULL DEFAULT 0,
        link_clicks bigint NOT NULL DEFAULT 0,
        leads integer NOT NULL DEFAULT 0,
        currency varchar(3) NOT NULL,
        attribution_setting varchar(60),
        first_pulled_at timestamptz NOT NULL DEFAULT now(),
        pulled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, ad_account_id, level, breakdown, object_id, date, breakdown_key)
      )`);
    // The dashboard reads a level and a date range across the organisation's accounts.
    await q.query(`CREATE INDEX ix_meta_insight_facts_org_level_date ON meta_insight_facts (organisation_id, level, breakdown, date)`);
    await q.query(
      `CREATE INDEX ix_meta_insight_facts_campaign_date ON meta_insight_facts (organisation_id, campaign_id, date) WHERE breakdown = 'none'`,
    );

    await q.query(`
      CREATE TABLE meta_insight_restatements (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        level varchar(10) NOT NULL,
        breakdown varchar(20) NOT NULL,
        object_id varchar(100) NOT NULL,
        date date NOT NULL,
        breakdown_key varchar(200) NOT NULL DEFAULT '',
        changes jsonb NOT NULL,
        pull_id uuid,
        restated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_meta_insight_restatements_fact ON meta_insight_restatements (organisation_id, ad_account_id, level, object_id, date)`,
    );

    await q.query(`
      CREATE TABLE meta_insight_pulls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        trigger varchar(20) NOT NULL CHECK (trigger IN ('today', 'lookback', 'backfill', 'on_demand')),
        since date NOT NULL,
        until date NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        graph_requests integer NOT NULL DEFAULT 0,
        async_runs integer NOT NULL DEFAULT 0,
        splits integer NOT NULL DEFAULT 0,
        rows_written integer NOT NULL DEFAULT 0,
        rows_restated integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_meta_insight_pulls_account ON meta_insight_pulls (organisation_id, ad_account_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE meta_insight_accounts (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        timezone varchar(100) NOT NULL,
        currency varchar(3) NOT NULL,
        attribution_setting varchar(60),
        backfilled_since date,
        backfilled_at timestamptz,
        data_as_of timestamptz,
        throttled_until timestamptz,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, ad_account_id)
      )`);

    await q.query(`
      CREATE TABLE meta_insights_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        roi_basis varchar(20) NOT NULL DEFAULT 'premium' CHECK (roi_basis IN ('premium', 'commission')),
        commission_rate numeric(6, 4) CHECK (commission_rate IS NULL OR (commission_rate > 0 AND commission_rate <= 1)),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_insights_settings`);
    await q.query(`DROP TABLE meta_insight_accounts`);
    await q.query(`DROP TABLE meta_insight_pulls`);
    await q.query(`DROP TABLE meta_insight_restatements`);
    await q.query(`DROP TABLE meta_insight_facts`);
  }
}
