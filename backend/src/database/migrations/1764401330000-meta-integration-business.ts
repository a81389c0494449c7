import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business a business integration system user token belongs to (Facebook Login for Business with a system user
 * configuration, https://developers.facebook.com/docs/facebook-login/facebook-login-for-business): the connection card
 * names it, as such a token speaks for the business rather than for the person who clicked Connect.
 */
export class MetaIntegrationBusiness1764401330000 implements MigrationInterface {
  name = 'MetaIntegrationBusiness1764401330000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_integrations ADD COLUMN meta_business_id varchar(100), ADD COLUMN meta_business_name varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meta_integrations DROP COLUMN meta_business_id, DROP COLUMN meta_business_name`);
  }
}
