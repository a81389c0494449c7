import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicates an agent can trust:
 * - `leads.possible_duplicate`: the link to `duplicate_of_id` is a possible duplicate awaiting an agent (a shared
 *   phone with a different name, by the default rule). Existing links stay duplicates (false).
 * - `leads.name_normalized`: the name the phone-and-name signal compares, normalised at ingest (accents, case and
 *   spacing folded). Older leads get a case- and spacing-folded value here; accents are folded for new leads only.
 * - `lead_duplicate_settings`: each organisation's matching rule (none: the default rule).
 * - `lead_duplicate_dismissals`: pairs an agent said are not the same person; matching never links them again.
 *   The pair is stored in id order so either side finds it.
 */
export class LeadDuplicateRules1764401240000 implements MigrationInterface {
  name = 'LeadDuplicateRules1764401240000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN possible_duplicate boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE leads ADD COLUMN name_normalized varchar(200)`);
    await q.query(
      `UPDATE leads SET name_normalized = nullif(lower(regexp_replace(btrim(coalesce(nullif(btrim(full_name), ''),
         concat_ws(' ', first_name, last_name))), '\\s+', ' ', 'g')), '')
        WHERE coalesce(full_name, first_name, last_name) IS NOT NULL`,
    );
    // The duplicate filters of the list (newest first), without walking every lead of a large organisation.
    await q.query(`CREATE INDEX ix_leads_org_linked ON leads (organisation_id, received_at) WHERE duplicate_of_id IS NOT NULL`);
    await q.query(
      `CREATE TABLE lead_duplicate_settings (
        organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
        email_match varchar(10) NOT NULL,
        phone_name_match varchar(10) NOT NULL,
        phone_match varchar(10) NOT NULL,
        window_days int NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_lead_duplicate_levels CHECK (
          email_match IN ('duplicate', 'possible', 'ignore') AND phone_name_match IN ('duplicate', 'possible', 'ignore')
          AND phone_match IN ('duplicate', 'possible', 'ignore')),
        CONSTRAINT ck_lead_duplicate_window CHECK (window_days BETWEEN 1 AND 365))`,
    );
    await q.query(
      `CREATE TABLE lead_duplicate_dismissals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        lead_low_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        lead_high_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        reason text,
        dismissed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_lead_duplicate_dismissal_order CHECK (lead_low_id < lead_high_id),
        CONSTRAINT uq_lead_duplicate_dismissal UNIQUE (organisation_id, lead_low_id, lead_high_id))`,
    );
    await q.query(`CREATE INDEX ix_lead_duplicate_dismissals_high ON lead_duplicate_dismissals (organisation_id, lead_high_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lead_duplicate_dismissals`);
    await q.query(`DROP TABLE lead_duplicate_settings`);
    await q.query(`DROP INDEX ix_leads_org_linked`);
    await q.query(`ALTER TABLE leads DROP COLUMN name_normalized`);
    await q.query(`ALTER TABLE leads DROP COLUMN possible_duplicate`);
  }
}
