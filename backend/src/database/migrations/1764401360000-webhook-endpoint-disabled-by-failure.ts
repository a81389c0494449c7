import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an outgoing webhook endpoint was disabled by its failures (the sender) rather than by an admin: only the
 * former is an alert for the organisation's admins, and it clears when someone enables the endpoint again.
 */
export class WebhookEndpointDisabledByFailure1764401360000 implements MigrationInterface {
  name = 'WebhookEndpointDisabledByFailure1764401360000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_webhook_endpoints ADD COLUMN disabled_by_failure boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_webhook_endpoints DROP COLUMN disabled_by_failure`);
  }
}
