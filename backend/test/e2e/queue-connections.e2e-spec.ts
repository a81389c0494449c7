import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { APP_QUEUES } from '../../src/app.queues';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { QUEUE_QUERY_CONNECTIONS } from '../../src/infra/queue/queue-connection';
import { createTestApp } from '../utils/create-test-app';
import { createDatabase, dropDatabase } from '../utils/test-database';
import { waitFor } from '../utils/wait-for';

/** TypeORM's pool (`extra.max` in typeorm-options.ts). */
const TYPEORM_POOL_MAX = 10;

/**
 * With the queues on PostgreSQL, every queue and worker of an app shares one pool: a worker's LISTEN connection each,
 * and QUEUE_QUERY_CONNECTIONS for their statements. Given a connection string instead, BullMQ opened a pool per queue
 * and per worker, about 40 connections per process at rest.
 */
describe('queue connections on PostgreSQL (e2e)', () => {
  const database = `legeai_test_queue_conns_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: process.env.TEST_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres' });
  const connections = async () =>
    Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [database])).rows[0].n);

  beforeAll(async () => {
    await createDatabase(database);
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await dropDatabase(database);
  });

  it('keeps an app with every worker running within one shared pool, and closes it with the app', async () => {
    // An empty REDIS_URL selects the PostgreSQL backend; the default role runs a worker per queue.
    const t = await createTestApp({ database, env: { REDIS_URL: '', APP_ROLE: 'all' } });
    try {
      // Every worker holds its LISTEN connection, named after its queue.
      const listening = async () =>
        Number(
          (
            await admin.query<{ n: string }>(
              'SELECT count(DISTINCT application_name) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = ANY($2)',
              [database, APP_QUEUES.map((q) => q.name)],
            )
          ).rows[0].n,
        );
      await waitFor('every worker listening', async () => ((await listening()) === APP_QUEUES.length ? true : undefined));
      // The queues answer through the pool (the health check reads job counts).
      const health = await t.http.get('/health').expect(200);
      expect(health.body.details.queue).toMatchObject({ status: 'up', backend: 'postgres' });

      const open = await connections();
      expect(open).toBeLessThanOrEqual(APP_QUEUES.length + QUEUE_QUERY_CONNECTIONS + TYPEORM_POOL_MAX);
      expect(open).toBeGreaterThanOrEqual(APP_QUEUES.length);

      // Completed jobs are trimmed by age only: a count is applied in every completion's transaction on PostgreSQL,
      // where the lead jobs finishing together then wait on each other's row locks (queue-connection.ts).
      const leads = t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
      expect(leads.defaultJobOptions.removeOnComplete).toEqual({ age: 24 * 3600 });
    } finally {
      await t.close();
    }
    // The pool ended with the last queue and worker: nothing of the app is left connected.
    await waitFor('no connection left', async () => ((await connections()) === 0 ? true : undefined), 5_000);
  });
});
