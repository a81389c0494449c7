import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The circuit breaker of each connection's Graph calls (`infra/meta-graph/circuit-breaker.ts`): kept in the database
 * so that every worker process pauses and probes the same connection together. A row exists once a call of the
 * connection failed; a clean one is closed with no failure.
 */
export class MetaGraphBreakers1764400880000 implements MigrationInterface {
  name = 'MetaGraphBreakers1764400880000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meta_graph_breakers (
        integration_id uuid PRIMARY KEY REFERENCES meta_integrations(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        state varchar(10) NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'half_open')),
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        since timestamptz,
        probe_at timestamptz,
        wait_ms integer NOT NULL DEFAULT 0 CHECK (wait_ms >= 0),
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The workers read the rows that are not clean every few seconds.
    await q.query(
      `CREATE INDEX ix_meta_graph_breakers_unsettled ON meta_graph_breakers (integration_id) WHERE state <> 'closed' OR failures > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meta_graph_breakers`);
  }
}
