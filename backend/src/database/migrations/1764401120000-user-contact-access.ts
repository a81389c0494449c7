import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contact details permission an admin grants a viewer (admins and managers have it by role): seeing leads'
 * emails, phones and addresses unmasked, and exporting them.
 */
export class UserContactAccess1764401120000 implements MigrationInterface {
  name = 'UserContactAccess1764401120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN can_export_contacts boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN can_export_contacts`);
  }
}
