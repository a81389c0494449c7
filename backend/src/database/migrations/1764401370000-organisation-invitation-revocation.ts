import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform administrator can revoke an invitation before it is used: its link then answers 410 like a used one.
 * Who revoked it and when stay on the row (and in the audit log).
 */
export class OrganisationInvitationRevocation1764401370000 implements MigrationInterface {
  name = 'OrganisationInvitationRevocation1764401370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation_invitations ADD COLUMN revoked_at timestamptz, ADD COLUMN revoked_by uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation_invitations DROP COLUMN revoked_at, DROP COLUMN revoked_by`);
  }
}
