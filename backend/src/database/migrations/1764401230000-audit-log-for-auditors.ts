import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an auditor needs on each audit entry: its category (sign-ins and views of contact details kept apart from
 * changes), the actor's name as it was when the entry was written (so a deleted user or key still reads as someone),
 * and the correlation id (the request id or job) that finds the entry's logs. Existing entries get their category
 * and the actor's current name; they have no correlation id. The append-only trigger is lifted for that one
 * backfill, inside this migration's transaction.
 */
export class AuditLogForAuditors1764401230000 implements MigrationInterface {
  name = 'AuditLogForAuditors1764401230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log
      ADD COLUMN category varchar(20) NOT NULL DEFAULT 'change',
      ADD COLUMN actor_name varchar(320),
      ADD COLUMN correlation_id varchar(100)`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`
      UPDATE audit_log a SET
        category = CASE
          WHEN a.action LIKE 'auth.%' THEN 'sign_in'
          WHEN a.action IN ('lead.contact_viewed', 'lead.exported') THEN 'access'
          ELSE 'change' END,
        actor_name = CASE a.actor_type
          WHEN 'user' THEN (SELECT coalesce(nullif(u.name, ''), u.email) FROM users u WHERE u.id = a.actor_id)
          WHEN 'api_key' THEN (SELECT k.name FROM api_keys k WHERE k.id = a.actor_id)
          ELSE NULL END`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_category_check CHECK (category IN ('sign_in', 'change', 'access'))`);
    // The log's filters: category (the default view), action, actor, subject and correlation id, each newest first.
    await q.query(`CREATE INDEX audit_log_category_at_idx ON audit_log (organisation_id, category, at DESC)`);
    await q.query(`CREATE INDEX audit_log_action_at_idx ON audit_log (organisation_id, action, at DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_at_idx ON audit_log (organisation_id, actor_id, at DESC) WHERE actor_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_target_at_idx ON audit_log (organisation_id, target_type, target_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_correlation_idx ON audit_log (correlation_id) WHERE correlation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_correlation_idx`);
    await q.query(`DROP INDEX audit_log_target_at_idx`);
    await q.query(`DROP INDEX audit_log_actor_at_idx`);
    await q.query(`DROP INDEX audit_log_action_at_idx`);
    await q.query(`DROP INDEX audit_log_category_at_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN correlation_id, DROP COLUMN actor_name, DROP COLUMN category`);
  }
}
