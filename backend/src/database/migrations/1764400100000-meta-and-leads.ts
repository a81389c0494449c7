import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Meta connection tables of the seed plan (scoped to organisations), the LEGEAI lead store and the webhook inbox.
 * Child rows carry their parent's organisation_id and composite foreign keys enforce that it matches, so a row
 * can never hang under another organisation's parent.
 */
export class MetaAndLeads1764400100000 implements MigrationInterface {
  name = 'MetaAndLeads1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE meta_integration_status AS ENUM ('active', 'reauth_required', 'disconnected')`);
    await q.query(`CREATE TYPE lead_status AS ENUM ('new', 'contacted', 'qualified', 'quoted', 'won', 'lost')`);
    await q.query(`CREATE TYPE lead_source AS ENUM ('meta_lead_ads', 'manual', 'api')`);
    await q.query(`CREATE TYPE webhook_inbox_status AS ENUM ('received', 'enqueued', 'processed', 'failed', 'ignored')`);

    await q.query(`
      CREATE TABLE meta_integrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        connected_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        meta_user_id varchar(100),
        meta_user_name varchar(255),
        access_token_ciphertext text NOT NULL,
        access_token_key_id varchar(64) NOT NULL,
        token_expires_at timestamptz,
        scopes text[] NOT NULL DEFAULT '{}',
        declined_scopes text[] NOT NULL DEFAULT '{}',
        status meta_integration_status NOT NULL DEFAULT 'active',
        status_reason text,
        last_validated_at timestamptz,
        disconnected_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_meta_integrations_id_org UNIQUE (id, organisation_id)
      )`);
    // One live connection per organisation; disconnected ones remain as history.
    await q.query(`
      CREATE UNIQUE INDEX uq_meta_integrations_live_per_org ON meta_integrations (organisation_id)
      WHERE status <> 'disconnected'`);

    await q.query(`
      CREATE TABLE meta_ad_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        integration_id uuid NOT NULL,
        ad_account_id varchar(100) NOT NULL,
        ad_account_name varchar(255),
        currency varchar(10),
        timezone varchar(100),
        account_status integer,
        business_id varchar(100),
        is_active boolean NOT NULL DEFAULT true,
        last_synced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_meta_ad_accounts_integration FOREIGN KEY (integration_id, organisation_id)
          REFERENCES meta_integrations (id, organisation_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_ad_accounts_org_account ON meta_ad_accounts (organisation_id, ad_account_id)`);
    await q.query(`CREATE INDEX ix_meta_ad_accounts_integration ON meta_ad_accounts (integration_id)`);

    await q.query(`
      CREATE TABLE meta_pages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        integration_id uuid NOT NULL,
        page_id varchar(100) NOT NULL,
        page_name varchar(255),
        page_access_token_ciphertext text,
        page_access_token_key_id varchar(64),
        category varchar(100),
        followers_count integer,
        is_active boolean NOT NULL DEFAULT true,
        webhook_subscribed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_meta_pages_id_org UNIQUE (id, organisation_id),
        CONSTRAINT fk_meta_pages_integration FOREIGN KEY (integration_id, organisation_id)
          REFERENCES meta_integrations (id, organisation_id) ON DELETE CASCADE,
        CONSTRAINT ck_meta_pages_token_key CHECK (
          (page_access_token_ciphertext IS NULL) = (page_access_token_key_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_pages_org_page ON meta_pages (organisation_id, page_id)`);
    await q.query(`CREATE INDEX ix_meta_pages_integration ON meta_pages (integration_id)`);
    // Webhooks name only Meta's page id; routing a delivery to its organisation looks pages up by it.
    await q.query(`CREATE INDEX ix_meta_pages_page_id ON meta_pages (page_id)`);

    await q.query(`
      CREATE TABLE meta_lead_forms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        page_id uuid NOT NULL,
        form_id varchar(100) NOT NULL,
        form_name varchar(255),
        status varchar(50),
        locale varchar(20),
        questions jsonb NOT NULL DEFAULT '[]',
        leads_count integer NOT NULL DEFAULT 0 CHECK (leads_count >= 0),
        auto_sync boolean NOT NULL DEFAULT true,
        last_synced_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_meta_lead_forms_page FOREIGN KEY (page_id, organisation_id)
          REFERENCES meta_pages (id, organisation_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_lead_forms_org_form ON meta_lead_forms (organisation_id, form_id)`);
    await q.query(`CREATE INDEX ix_meta_lead_forms_page ON meta_lead_forms (page_id)`);

    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        first_name varchar(100),
        last_name varchar(100),
        full_name varchar(200),
        email varchar(320),
        phone varchar(50),
        email_normalized varchar(320),
        phone_e164 varchar(20) CHECK (phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'),
        street_address varchar(255),
        city varchar(120),
        state varchar(120),
        zip_code varchar(20),
        country varchar(2),
        date_of_birth date,
        product_interest varchar(100),
        raw_answers jsonb NOT NULL DEFAULT '[]',
        consent_responses jsonb NOT NULL DEFAULT '[]',
        source lead_source NOT NULL DEFAULT 'manual',
        page_id varchar(100),
        form_id varchar(100),
        ad_id varchar(100),
        ad_name varchar(255),
        adset_id varchar(100),
        adset_name varchar(255),
        campaign_id varchar(100),
        campaign_name varchar(255),
        platform varchar(20),
        is_organic boolean NOT NULL DEFAULT false,
        is_test boolean NOT NULL DEFAULT false,
        status lead_status NOT NULL DEFAULT 'new',
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        premium_value numeric(12, 2) CHECK (premium_value >= 0),
        premium_currency char(3) CHECK (premium_currency ~ '^[A-Z]{3}$'),
        duplicate_of_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        duplicate_rule varchar(50),
        needs_review boolean NOT NULL DEFAULT false,
        review_reason text,
        received_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_leads_not_own_duplicate CHECK (duplicate_of_id IS NULL OR duplicate_of_id <> id),
        CONSTRAINT ck_leads_premium_currency CHECK (premium_value IS NULL OR premium_currency IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_leads_org_received ON leads (organisation_id, received_at)`);
    await q.query(`CREATE INDEX ix_leads_org_status ON leads (organisation_id, status)`);
    await q.query(`CREATE INDEX ix_leads_org_email ON leads (organisation_id, email_normalized)`);
    await q.query(`CREATE INDEX ix_leads_org_phone ON leads (organisation_id, phone_e164)`);
    await q.query(`CREATE INDEX ix_leads_org_form ON leads (organisation_id, form_id)`);
    await q.query(`CREATE INDEX ix_leads_org_campaign ON leads (organisation_id, campaign_id)`);
    await q.query(`CREATE INDEX ix_leads_org_name ON leads (organisation_id, lower(full_name))`);
    await q.query(`CREATE INDEX ix_leads_review ON leads (organisation_id, received_at) WHERE needs_review`);
    await q.query(`CREATE INDEX ix_leads_duplicate_of ON leads (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE meta_lead_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        meta_lead_id varchar(100) NOT NULL,
        legeai_lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        form_id varchar(100),
        lead_form_id uuid REFERENCES meta_lead_forms(id) ON DELETE SET NULL,
        source varchar(20) NOT NULL DEFAULT 'webhook' CHECK (source IN ('webhook', 'backfill')),
        meta_created_time timestamptz,
        synced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_lead_mappings_org_lead ON meta_lead_mappings (organisation_id, meta_lead_id)`);
    await q.query(`CREATE INDEX ix_meta_lead_mappings_lead ON meta_lead_mappings (legeai_lead_id)`);

    await q.query(`
      CREATE TABLE meta_webhook_inbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
        object varchar(50),
        raw_body bytea NOT NULL,
        signature varchar(100),
        body_sha256 char(64) NOT NULL,
        status webhook_inbox_status NOT NULL DEFAULT 'received',
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_webhook_inbox_body_sha256 ON meta_webhook_inbox (body_sha256)`);
    await q.query(`CREATE INDEX ix_meta_webhook_inbox_status_received ON meta_webhook_inbox (status, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_webhook_inbox`);
    await q.query(`DROP TABLE meta_lead_mappings`);
    await q.query(`DROP TABLE leads`);
    await q.query(`DROP TABLE meta_lead_forms`);
    await q.query(`DROP TABLE meta_pages`);
    await q.query(`DROP TABLE meta_ad_accounts`);
    await q.query(`DROP TABLE meta_integrations`);
    await q.query(`DROP TYPE webhook_inbox_status`);
    await q.query(`DROP TYPE lead_source`);
    await q.query(`DROP TYPE lead_status`);
    await q.query(`DROP TYPE meta_integration_status`);
  }
}
