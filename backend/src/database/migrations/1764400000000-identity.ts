import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, console users, login sessions, API keys and the append-only audit log.
 * Later migrations (Meta tables, leads) reference `organisations(id)`.
 */
export class Identity1764400000000 implements MigrationInterface {
  name = 'Identity1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE access_role AS ENUM ('admin', 'manager', 'viewer')`);
    await q.query(`CREATE TYPE audit_actor_type AS ENUM ('user', 'api_key', 'system')`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        email varchar(320) NOT NULL,
        name varchar(200) NOT NULL,
        role access_role NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Login is by email alone, so an address may belong to one user only, whatever its case.
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id)`);

    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        ip varchar(64),
        user_agent varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT auth_sessions_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX auth_sessions_family_idx ON auth_sessions (family_id)`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        prefix varchar(32) NOT NULL,
        key_hash char(64) NOT NULL,
        role access_role NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
      )`);
    await q.query(`CREATE INDEX api_keys_organisation_idx ON api_keys (organisation_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid REFERENCES organisations(id),
        actor_type audit_actor_type NOT NULL,
        actor_id uuid,
        action varchar(100) NOT NULL,
        target_type varchar(50),
        target_id varchar(200),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip varchar(64),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_organisation_at_idx ON audit_log (organisation_id, at DESC)`);
    // Append-only, enforced by the database itself: no code path (or operator typo) can rewrite history.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE auth_sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP TYPE audit_actor_type`);
    await q.query(`DROP TYPE access_role`);
  }
}
