import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Custom lead fields: the organisation's own field definitions (key unique per organisation, label, type, options of
 * choice types, order, archived) and the values on each lead (`leads.custom_fields`, one jsonb object keyed by field
 * key). The GIN index serves the list filter `field.<key>=value` (a containment test) and whether a field is in use (key exists).
 */
export class LeadCustomFields1764401250000 implements MigrationInterface {
  name = 'LeadCustomFields1764401250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_field_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        key varchar(40) NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
        label varchar(100) NOT NULL,
        type varchar(20) NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice', 'multi_choice')),
        options jsonb NOT NULL DEFAULT '[]',
        position integer NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_lead_field_definitions_org_key UNIQUE (organisation_id, key)
      )`);
    await q.query(`ALTER TABLE leads ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX ix_leads_custom_fields ON leads USING gin (custom_fields)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leads_custom_fields`);
    await q.query(`ALTER TABLE leads DROP COLUMN custom_fields`);
    await q.query(`DROP TABLE lead_field_definitions`);
  }
}
