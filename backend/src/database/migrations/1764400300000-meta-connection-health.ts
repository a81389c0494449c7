import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What connecting a Meta account and checking its health need beyond the seed tables: the OAuth states of pending
 * connects (hashed, single use), the health results kept on the integration, page tasks, form creation times, and
 * Meta's data deletion requests with their public confirmation codes.
 */
export class MetaConnectionHealth1764400300000 implements MigrationInterface {
  name = 'MetaConnectionHealth1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meta_oauth_states (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state_hash char(64) NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_oauth_states_hash ON meta_oauth_states (state_hash)`);
    await q.query(`CREATE INDEX ix_meta_oauth_states_expires ON meta_oauth_states (expires_at)`);

    await q.query(`
      ALTER TABLE meta_integrations
        ADD COLUMN data_access_expires_at timestamptz,
        ADD COLUMN connected_at timestamptz,
        ADD COLUMN last_checked_at timestamptz,
        ADD COLUMN health_checks jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN health_overall varchar(10),
        ADD COLUMN token_type varchar(20)`);
    // Disconnect wipes the tokens: the ciphertext columns become nullable, both set or both null.
    await q.query(`ALTER TABLE meta_integrations ALTER COLUMN access_token_ciphertext DROP NOT NULL`);
    await q.query(`ALTER TABLE meta_integrations ALTER COLUMN access_token_key_id DROP NOT NULL`);
    await q.query(`
      ALTER TABLE meta_integrations ADD CONSTRAINT ck_meta_integrations_token_key CHECK (
        (access_token_ciphertext IS NULL) = (access_token_key_id IS NULL))`);
    await q.query(`CREATE INDEX ix_meta_integrations_meta_user ON meta_integrations (meta_user_id)`);

    await q.query(`ALTER TABLE meta_pages ADD COLUMN tasks text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE meta_lead_forms ADD COLUMN meta_created_at timestamptz`);

    await q.query(`
      CREATE TABLE meta_data_deletion_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        confirmation_code varchar(64) NOT NULL,
        meta_user_id varchar(100) NOT NULL,
        status varchar(20) NOT NULL,
        integrations_affected integer NOT NULL DEFAULT 0,
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meta_data_deletion_code ON meta_data_deletion_requests (confirmation_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_data_deletion_requests`);
    await q.query(`ALTER TABLE meta_lead_forms DROP COLUMN meta_created_at`);
    await q.query(`ALTER TABLE meta_pages DROP COLUMN tasks`);
    await q.query(`DROP INDEX ix_meta_integrations_meta_user`);
    await q.query(`ALTER TABLE meta_integrations DROP CONSTRAINT ck_meta_integrations_token_key`);
    // Wiped tokens cannot come back; an empty ciphertext keeps the row (and its history) valid for the old schema.
    await q.query(
      `UPDATE meta_integrations SET access_token_ciphertext = '', access_token_key_id = '' WHERE access_token_ciphertext IS NULL`,
    );
    await q.query(`ALTER TABLE meta_integrations ALTER COLUMN access_token_key_id SET NOT NULL`);
    await q.query(`ALTER TABLE meta_integrations ALTER COLUMN access_token_ciphertext SET NOT NULL`);
    await q.query(`
      ALTER TABLE meta_integrations
        DROP COLUMN token_type, DROP COLUMN health_overall, DROP COLUMN health_checks,
        DROP COLUMN last_checked_at, DROP COLUMN connected_at, DROP COLUMN data_access_expires_at`);
    await q.query(`DROP TABLE meta_oauth_states`);
  }
}
