import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every status change of a lead, oldest first, for its timeline: moves, premium corrections and reopens, with the
 * premium recorded (or explicitly "not known yet" for won), the reason of a reopen and who did it. The lead keeps its
 * current status; this table keeps how it got there. Earlier changes are copied from the audit log, which has held
 * each one (with from/to) since the leads API exists.
 */
export class LeadStatusChanges1764401100000 implements MigrationInterface {
  name = 'LeadStatusChanges1764401100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('status', 'premium', 'reopen')),
        from_status lead_status,
        to_status lead_status NOT NULL,
        premium_value numeric(12, 2),
        premium_currency char(3),
        premium_unknown boolean NOT NULL DEFAULT false,
        reason text,
        actor_type audit_actor_type NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_lead_status_changes_lead ON lead_status_changes (lead_id, at, id)`);
    await q.query(`
      INSERT INTO lead_status_changes (organisation_id, lead_id, kind, from_status, to_status, premium_value,
        premium_currency, actor_type, actor_id, at)
      SELECT a.organisation_id, l.id,
             CASE a.action WHEN 'lead.premium_changed' THEN 'premium' ELSE 'status' END,
             CASE a.action WHEN 'lead.premium_changed' THEN (a.details->>'status')::lead_status
                           ELSE (a.details->>'from')::lead_status END,
             CASE a.action WHEN 'lead.premium_changed' THEN (a.details->>'status')::lead_status
                           ELSE (a.details->>'to')::lead_status END,
             CASE a.action WHEN 'lead.premium_changed' THEN (a.details->'to'->>'premiumValue')::numeric
                           ELSE (a.details->>'premiumValue')::numeric END,
             CASE a.action WHEN 'lead.premium_changed' THEN a.details->'to'->>'premiumCurrency'
                           ELSE a.details->>'premiumCurrency' END,
             a.actor_type, a.actor_id, a.at
        FROM audit_log a
        JOIN leads l ON l.id::text = a.target_id AND l.organisation_id = a.organisation_id
       WHERE a.target_type = 'lead' AND a.action IN ('lead.status_changed', 'lead.premium_changed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_status_changes`);
  }
}
