import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MetaConversions: each organisation's Conversions API for CRM settings (dataset, event name per lead status, sending
 * on or off, organic and test leads opted in) and the outbox of events
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/conversion-leads-integration/).
 *
 * An outbox row is written in the transaction of the lead's status change, so a crash never loses an event; its
 * `event_id` (`<Meta lead id>:<status>`) is unique per organisation, so a retried change or a reopened lead that
 * reaches the same stage again never makes a second event. The partial index serves the sender's "due rows of one
 * dataset" and the sweep's "datasets with due rows".
 */
export class MetaConversions1764401270000 implements MigrationInterface {
  name = 'MetaConversions1764401270000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meta_capi_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        ad_account_id varchar(100),
        dataset_id varchar(100),
        dataset_name varchar(200),
        enabled boolean NOT NULL DEFAULT false,
        include_organic boolean NOT NULL DEFAULT false,
        include_test boolean NOT NULL DEFAULT false,
        event_names jsonb NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE meta_capi_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        meta_lead_id varchar(100) NOT NULL,
        dataset_id varchar(100) NOT NULL,
        lead_status lead_status NOT NULL,
        event_name varchar(100) NOT NULL,
        event_id varchar(140) NOT NULL,
        changed_at timestamptz NOT NULL,
        event_time timestamptz NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'failed', 'expired')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        accepted_at timestamptz,
        last_error text,
        answer jsonb,
        test_event_code varchar(60),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_capi_events_event ON meta_capi_events (organisation_id, event_id)`);
    await q.query(
      `CREATE INDEX ix_meta_capi_events_due ON meta_capi_events (organisation_id, dataset_id, next_attempt_at) WHERE state = 'pending'`,
    );
    await q.query(`CREATE INDEX ix_meta_capi_events_lead ON meta_capi_events (organisation_id, lead_id, changed_at)`);
    await q.query(`CREATE INDEX ix_meta_capi_events_changed ON meta_capi_events (organisation_id, changed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_capi_events`);
    await q.query(`DROP TABLE meta_capi_settings`);
  }
}
