import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram indexes for the leads search (substring, case-insensitive, on name, email and phone digits). The indexed
 * expressions are the ones in `modules/leads/lead-filters.ts`; change both together or the planner stops using them.
 * pg_trgm is a trusted extension (Postgres 13+), so the database owner may create it.
 */
export class LeadSearch1764400410000 implements MigrationInterface {
  name = 'LeadSearch1764400410000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE INDEX ix_leads_search_name ON leads USING gin (
        (coalesce(full_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '')) gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_leads_search_email ON leads USING gin (email gin_trgm_ops)`);
    await q.query(`
      CREATE INDEX ix_leads_search_phone_digits ON leads USING gin (
        (regexp_replace(coalesce(phone, ''), '\\D', '', 'g')) gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_leads_search_phone_e164 ON leads USING gin (phone_e164 gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_leads_search_phone_e164`);
    await q.query(`DROP INDEX ix_leads_search_phone_digits`);
    await q.query(`DROP INDEX ix_leads_search_email`);
    await q.query(`DROP INDEX ix_leads_search_name`);
  }
}
