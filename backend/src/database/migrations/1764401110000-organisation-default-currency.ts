import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The currency an organisation's premiums are in when no ad account of the lead's Page says otherwise. Unset until
 * an admin chooses it: a guessed currency would be silently wrong for every agency outside the guess.
 */
export class OrganisationDefaultCurrency1764401110000 implements MigrationInterface {
  name = 'OrganisationDefaultCurrency1764401110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN default_currency char(3) CHECK (default_currency ~ '^[A-Z]{3}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN default_currency`);
  }
}
