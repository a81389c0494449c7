import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: each organisation's endpoints (URL, events subscribed, the secret encrypted with the token keys,
 * the previous secret during a rotation's overlap, enabled or disabled with the reason), the events (one row per
 * event: its stable id and the exact body every attempt sends), the outbox of deliveries (one per event and
 * subscribed endpoint, written in the transaction of the lead's change) and every attempt's request and answer.
 *
 * The partial index serves the sender's "due deliveries of one endpoint" and the sweep's "endpoints with due ones".
 */
export class OutgoingWebhooks1764401320000 implements MigrationInterface {
  name = 'OutgoingWebhooks1764401320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outgoing_webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        url varchar(2048) NOT NULL,
        description varchar(500),
        event_types text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        secret_ciphertext text NOT NULL,
        secret_key_id varchar(64) NOT NULL,
        previous_secret_ciphertext text,
        previous_secret_key_id varchar(64),
        previous_secret_expires_at timestamptz,
        secret_rotated_at timestamptz,
        last_success_at timestamptz,
        failing_since timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_outgoing_webhook_endpoints_org ON outgoing_webhook_endpoints (organisation_id, created_at)`);
    await q.query(`
      CREATE TABLE outgoing_webhook_events (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        type varchar(100) NOT NULL,
        lead_id uuid,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE outgoing_webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES outgoing_webhook_endpoints(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES outgoing_webhook_events(id) ON DELETE CASCADE,
        event_type varchar(100) NOT NULL,
        is_test boolean NOT NULL DEFAULT false,
        state varchar(10) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_outgoing_webhook_deliveries_event ON outgoing_webhook_deliveries (endpoint_id, event_id)`);
    await q.query(
      `CREATE INDEX ix_outgoing_webhook_deliveries_due ON outgoing_webhook_deliveries (endpoint_id, next_attempt_at) WHERE state = 'pending'`,
    );
    await q.query(
      `CREATE INDEX ix_outgoing_webhook_deliveries_list ON outgoing_webhook_deliveries (organisation_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX ix_outgoing_webhook_deliveries_event ON outgoing_webhook_deliveries (event_id)`);
    await q.query(`
      CREATE TABLE outgoing_webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES outgoing_webhook_deliveries(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        duration_ms integer NOT NULL,
        url varchar(2048) NOT NULL,
        request_headers jsonb NOT NULL,
        response_status integer,
        response_body_excerpt text,
        error text,
        success boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_outgoing_webhook_attempts_delivery ON outgoing_webhook_attempts (delivery_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outgoing_webhook_attempts`);
    await q.query(`DROP TABLE outgoing_webhook_deliveries`);
    await q.query(`DROP TABLE outgoing_webhook_events`);
    await q.query(`DROP TABLE outgoing_webhook_endpoints`);
  }
}
