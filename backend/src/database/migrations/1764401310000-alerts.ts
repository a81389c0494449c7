import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts: the conditions raised per organisation (one open row per condition key, kept after it resolves), the
 * notifications of each user in each organisation, their channel preferences and new-lead frequency, the
 * organisation's thresholds, the mail outbox (every outgoing email; with no SMTP server configured it stays here for an
 * admin to read) and the new-lead outbox written in each lead's own transaction.
 */
export class Alerts1764401310000 implements MigrationInterface {
  name = 'Alerts1764401310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        source varchar(40) NOT NULL,
        condition_key varchar(200) NOT NULL,
        event_type varchar(40) NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'open',
        title text NOT NULL,
        body text NOT NULL,
        link text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    // One open alert per condition: the de-duplication holds even if two evaluations race.
    await q.query(`CREATE UNIQUE INDEX uq_alerts_open_condition ON alerts (organisation_id, condition_key) WHERE state = 'open'`);
    await q.query(`CREATE INDEX ix_alerts_org_resolved ON alerts (organisation_id, resolved_at DESC)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        alert_id uuid REFERENCES alerts(id) ON DELETE SET NULL,
        event_type varchar(40) NOT NULL,
        kind varchar(10) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_notifications_user_org_created ON notifications (user_id, organisation_id, created_at DESC)`);
    await q.query(`CREATE INDEX ix_notifications_unread ON notifications (user_id, organisation_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        event_type varchar(40) NOT NULL,
        in_app boolean NOT NULL,
        email boolean NOT NULL,
        PRIMARY KEY (user_id, organisation_id, event_type)
      )`);
    await q.query(`
      CREATE TABLE notification_digests (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        frequency varchar(10) NOT NULL,
        last_sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organisation_id)
      )`);
    // The new-lead outbox writes a row only when someone of the organisation asked for new-lead notices.
    await q.query(`CREATE INDEX ix_notification_digests_org ON notification_digests (organisation_id)`);
    await q.query(`
      CREATE TABLE alert_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        failed_leads_threshold integer NOT NULL,
        parked_leads_threshold integer NOT NULL,
        failed_leads_window_hours integer NOT NULL,
        sync_failures_in_a_row integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        to_address varchar(320) NOT NULL,
        from_address varchar(320) NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at) WHERE state = 'pending'`);
    await q.query(`CREATE INDEX ix_mail_outbox_org_created ON mail_outbox (organisation_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE alert_lead_events (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_alert_lead_events_undispatched ON alert_lead_events (organisation_id) WHERE dispatched_at IS NULL`);
    await q.query(`CREATE INDEX ix_alert_lead_events_org_created ON alert_lead_events (organisation_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'alert_lead_events',
      'mail_outbox',
      'alert_settings',
      'notification_digests',
      'notification_preferences',
      'notifications',
      'alerts',
    ])
      await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
