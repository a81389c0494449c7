import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Many organisations on one deployment. A user now belongs to organisations through memberships (role, active,
 * contact details grant each); the columns that tied a user to one organisation move there. Platform administrators
 * (the oldest admin, the first one `npm start` created) manage organisations, which can be suspended, and invite
 * their first admins by single-use links (only a hash of the token is kept). A session remembers the organisation
 * it is signed in to. A Page is connected by one organisation at a time.
 */
export class OrganisationMemberships1764401300000 implements MigrationInterface {
  name = 'OrganisationMemberships1764401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN suspended_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN platform_admin boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE TABLE organisation_memberships (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
         organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
         role access_role NOT NULL,
         active boolean NOT NULL DEFAULT true,
         can_export_contacts boolean NOT NULL DEFAULT false,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT uq_organisation_memberships_user_org UNIQUE (user_id, organisation_id))`,
    );
    await q.query(`CREATE INDEX ix_organisation_memberships_org ON organisation_memberships (organisation_id, role) WHERE active`);
    await q.query(
      `INSERT INTO organisation_memberships (user_id, organisation_id, role, active, can_export_contacts, created_at)
       SELECT id, organisation_id, role, active, can_export_contacts, created_at FROM users`,
    );
    await q.query(
      `UPDATE users SET platform_admin = true
        WHERE id = (SELECT id FROM users WHERE role = 'admin' ORDER BY created_at, id LIMIT 1)`,
    );

    await q.query(`ALTER TABLE auth_sessions ADD COLUMN organisation_id uuid REFERENCES organisations(id) ON DELETE CASCADE`);
    await q.query(`UPDATE auth_sessions s SET organisation_id = u.organisation_id FROM users u WHERE u.id = s.user_id`);

    // Deactivation is now per membership; the account itself stays usable in its other organisations.
    await q.query(`ALTER TABLE users DROP COLUMN organisation_id, DROP COLUMN role, DROP COLUMN active, DROP COLUMN can_export_contacts`);

    await q.query(
      `CREATE TABLE organisation_invitations (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
         email varchar(320) NOT NULL,
         role access_role NOT NULL,
         token_hash char(64) NOT NULL UNIQUE,
         expires_at timestamptz NOT NULL,
         invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
         accepted_at timestamptz,
         accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
         created_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`CREATE INDEX ix_organisation_invitations_org ON organisation_invitations (organisation_id, created_at)`);

    // One organisation at a time per Page: where two had it active, the later connection lets go of it.
    await q.query(`ALTER TABLE meta_pages ADD COLUMN connected_elsewhere boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE meta_pages p SET is_active = false, webhook_subscribed = false, connected_elsewhere = true,
         page_access_token_ciphertext = NULL, page_access_token_key_id = NULL
        WHERE p.is_active AND EXISTS (
          SELECT 1 FROM meta_pages o WHERE o.page_id = p.page_id AND o.is_active AND o.id <> p.id
             AND (o.created_at, o.id) < (p.created_at, p.id))`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_meta_pages_active_page ON meta_pages (page_id) WHERE is_active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_meta_pages_active_page`);
    await q.query(`ALTER TABLE meta_pages DROP COLUMN connected_elsewhere`);
    await q.query(`DROP TABLE organisation_invitations`);
    await q.query(
      `ALTER TABLE users ADD COLUMN organisation_id uuid REFERENCES organisations(id), ADD COLUMN role access_role,
         ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN can_export_contacts boolean NOT NULL DEFAULT false`,
    );
    // Each user goes back to their oldest membership.
    await q.query(
      `UPDATE users u SET organisation_id = m.organisation_id, role = m.role, active = m.active, can_export_contacts = m.can_export_contacts
         FROM (SELECT DISTINCT ON (user_id) * FROM organisation_memberships ORDER BY user_id, created_at) m
        WHERE m.user_id = u.id`,
    );
    await q.query(`DELETE FROM users WHERE organisation_id IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN organisation_id SET NOT NULL, ALTER COLUMN role SET NOT NULL`);
    await q.query(`ALTER TABLE auth_sessions DROP COLUMN organisation_id`);
    await q.query(`DROP TABLE organisation_memberships`);
    await q.query(`ALTER TABLE users DROP COLUMN platform_admin`);
    await q.query(`ALTER TABLE organisations DROP COLUMN suspended_at`);
  }
}
