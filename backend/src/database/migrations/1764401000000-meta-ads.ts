import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MetaAds: the mirror of the connected ad accounts' campaigns, ad sets and ads (one row per Meta object and
 * organisation), how each ad account's mirror stands, the organisation's budget guardrails, and the idempotency keys
 * of the writes. Budgets are minor units of the account currency, as Meta sends them
 * (https://developers.facebook.com/docs/marketing-api/currencies). `deleted_at` is set when Meta answers an object as
 * DELETED or a full sync no longer lists it; lists hide such rows unless asked for deleted ones.
 */
export class MetaAds1764401000000 implements MigrationInterface {
  name = 'MetaAds1764401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meta_campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        campaign_id varchar(100) NOT NULL,
        name text NOT NULL,
        status varchar(20) NOT NULL,
        effective_status varchar(40) NOT NULL,
        objective varchar(60) NOT NULL,
        special_ad_categories text[] NOT NULL DEFAULT '{}',
        special_ad_category_country text[] NOT NULL DEFAULT '{}',
        daily_budget_minor bigint,
        lifetime_budget_minor bigint,
        bid_strategy varchar(60),
        start_time timestamptz,
        stop_time timestamptz,
        problems jsonb NOT NULL DEFAULT '[]',
        meta_updated_at timestamptz,
        synced_at timestamptz NOT NULL,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_meta_campaigns_org_campaign UNIQUE (organisation_id, campaign_id)
      )`);
    await q.query(`CREATE INDEX ix_meta_campaigns_account ON meta_campaigns (organisation_id, ad_account_id)`);

    await q.query(`
      CREATE TABLE meta_ad_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        campaign_id varchar(100) NOT NULL,
        ad_set_id varchar(100) NOT NULL,
        name text NOT NULL,
        status varchar(20) NOT NULL,
        effective_status varchar(40) NOT NULL,
        optimization_goal varchar(60) NOT NULL,
        billing_event varchar(60),
        destination_type varchar(40),
        page_id varchar(100),
        daily_budget_minor bigint,
        lifetime_budget_minor bigint,
        bid_strategy varchar(60),
        start_time timestamptz,
        end_time timestamptz,
        targeting jsonb NOT NULL DEFAULT '{}',
        targeting_text text NOT NULL DEFAULT '',
        target_countries text[] NOT NULL DEFAULT '{}',
        target_regions text[] NOT NULL DEFAULT '{}',
        target_cities text[] NOT NULL DEFAULT '{}',
        target_zips text[] NOT NULL DEFAULT '{}',
        age_min integer,
        age_max integer,
        genders integer[] NOT NULL DEFAULT '{}',
        problems jsonb NOT NULL DEFAULT '[]',
        meta_updated_at timestamptz,
        synced_at timestamptz NOT NULL,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_meta_ad_sets_org_ad_set UNIQUE (organisation_id, ad_set_id)
      )`);
    await q.query(`CREATE INDEX ix_meta_ad_sets_account ON meta_ad_sets (organisation_id, ad_account_id)`);
    await q.query(`CREATE INDEX ix_meta_ad_sets_campaign ON meta_ad_sets (organisation_id, campaign_id)`);

    await q.query(`
      CREATE TABLE meta_ads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        campaign_id varchar(100) NOT NULL,
        ad_set_id varchar(100) NOT NULL,
        ad_id varchar(100) NOT NULL,
        name text NOT NULL,
        status varchar(20) NOT NULL,
        effective_status varchar(40) NOT NULL,
        creative jsonb,
        lead_form_id varchar(100),
        problems jsonb NOT NULL DEFAULT '[]',
        meta_updated_at timestamptz,
        synced_at timestamptz NOT NULL,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_meta_ads_org_ad UNIQUE (organisation_id, ad_id)
      )`);
    await q.query(`CREATE INDEX ix_meta_ads_account ON meta_ads (organisation_id, ad_account_id)`);
    await q.query(`CREATE INDEX ix_meta_ads_campaign ON meta_ads (organisation_id, campaign_id)`);
    await q.query(`CREATE INDEX ix_meta_ads_ad_set ON meta_ads (organisation_id, ad_set_id)`);

    await q.query(`
      CREATE TABLE meta_ads_sync_state (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100) NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'never' CHECK (state IN ('never', 'queued', 'running', 'ok', 'failed', 'paused')),
        queued_at timestamptz,
        started_at timestamptz,
        last_synced_at timestamptz,
        last_error text,
        last_requests integer,
        last_objects integer,
        resumes_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, ad_account_id)
      )`);

    await q.query(`
      CREATE TABLE meta_ads_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        daily_budget_ceiling_minor bigint CHECK (daily_budget_ceiling_minor IS NULL OR daily_budget_ceiling_minor > 0),
        confirm_change_above_percent integer NOT NULL DEFAULT 50 CHECK (confirm_change_above_percent BETWEEN 1 AND 1000),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE meta_ads_idempotency (
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key varchar(255) NOT NULL,
        request_hash char(64) NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
        response_status integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (organisation_id, key)
      )`);
    await q.query(`CREATE INDEX ix_meta_ads_idempotency_created ON meta_ads_idempotency (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_ads_idempotency`);
    await q.query(`DROP TABLE meta_ads_settings`);
    await q.query(`DROP TABLE meta_ads_sync_state`);
    await q.query(`DROP TABLE meta_ads`);
    await q.query(`DROP TABLE meta_ad_sets`);
    await q.query(`DROP TABLE meta_campaigns`);
  }
}
