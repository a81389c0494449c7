import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, quoteSchemaName, runMigrations, setDefaultBackendFactory } from 'bullmq';
import { Pool } from 'pg';
import type { QueueConfig } from '../../config/queue.config';

/** The schema BullMQ's PostgreSQL backend keeps its tables in, beside the application's own tables. */
export const POSTGRES_QUEUE_SCHEMA = 'bullmq';

/** Retries with backoff, and finished jobs trimmed so the backend does not grow without bound. */
export const DEFAULT_JOB_OPTIONS: QueueOptions['defaultJobOptions'] = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * The same on PostgreSQL, with completed jobs kept for a day instead of up to a count. BullMQ's PostgreSQL backend
 * trims finished jobs inside each completion's transaction, and a count makes every completion past it delete the
 * same oldest rows as the completions running beside it: with the lead queue's 150 jobs finishing in groups, they
 * queued on each other's row locks until each commit (a 10,000-lead drain took 35–39 s instead of 26 s). An age only
 * ever deletes what expired since the last completion, usually nothing. The lead timeline is the product's record of
 * each lead job; the completed jobs kept here are for Bull Board.
 */
export const POSTGRES_DEFAULT_JOB_OPTIONS: QueueOptions['defaultJobOptions'] = {
  ...DEFAULT_JOB_OPTIONS,
  removeOnComplete: { age: 24 * 3600 },
};

/**
 * Connections of the shared queue pool beyond one per queue. Each queue's worker keeps one of the pool's connections
 * for LISTEN (BullMQ's PostgreSQL backend takes it from a pool it is given); these run the queues' statements.
 */
export const QUEUE_QUERY_CONNECTIONS = 10;

/**
 * Options shared by every queue and worker. With REDIS_URL the queues live in Redis; otherwise BullMQ's PostgreSQL
 * backend keeps them in the application database. The backend factory is process-wide in BullMQ, so it is chosen
 * here, before Nest creates the first Queue (this factory runs before any queue provider).
 *
 * On PostgreSQL every queue and worker of the app shares one pool: given a connection string, BullMQ opens a pool per
 * queue and per worker and a LISTEN connection beside each worker's, which came to about 40 connections per process
 * at rest (PostgreSQL's default limit is 100, shared with TypeORM's pool and any other process). The shared pool
 * holds `queueCount` LISTEN connections at most plus QUEUE_QUERY_CONNECTIONS; the queue schema is migrated once here,
 * and the pool is ended when the last queue or worker using it closes (`sharedPoolBackend`).
 */
export async function buildQueueOptions(queue: QueueConfig, databaseUrl: string, queueCount: number): Promise<QueueOptions> {
  if (queue.backend === 'redis') {
    setDefaultBackendFactory(undefined);
    return { connection: redisOptionsFromUrl(queue.redisUrl!), prefix: queue.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  }
  setDefaultBackendFactory(sharedPoolBackend as never);
  const pool = new Pool({
    connectionString: databaseUrl,
    max: queueCount + QUEUE_QUERY_CONNECTIONS,
    keepAlive: true,
    // The backend's statements name its tables unqualified.
    options: `-c search_path=${quoteSchemaName(POSTGRES_QUEUE_SCHEMA)}`,
  });
  // Each queue's and worker's backend listens for the pool's errors (a dropped idle connection).
  pool.setMaxListeners(0);
  try {
    const client = await pool.connect();
    try {
      // Creates or upgrades the queue schema; BullMQ serialises it across processes with an advisory lock.
      await runMigrations(client, POSTGRES_QUEUE_SCHEMA);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    connection: pool as unknown as QueueOptions['connection'],
    prefix: queue.prefix,
    defaultJobOptions: POSTGRES_DEFAULT_JOB_OPTIONS,
  };
}

/** How many queues and workers use each shared pool, to end it with the last of them. */
const openBackends = new WeakMap<object, number>();

/**
 * BullMQ's PostgreSQL backend on the app's shared pool (the queue options' `connection`). BullMQ does not end a pool
 * it was given, so the pool is ended here when the last queue or worker on it has closed: at shutdown, after every
 * LISTEN connection went back to it.
 */
export const sharedPoolBackend: typeof createPostgresBackend = (name, opts, factoryOpts) => {
  const backend = createPostgresBackend(name, opts, factoryOpts);
  const pool = opts.connection as unknown as Pool;
  openBackends.set(pool, (openBackends.get(pool) ?? 0) + 1);
  const close = backend.close.bind(backend);
  let closing: Promise<void> | undefined;
  backend.close = (force?: boolean) =>
    (closing ??= close(force).finally(async () => {
      const left = openBackends.get(pool)! - 1;
      openBackends.set(pool, left);
      if (left === 0) await pool.end();
    }));
  return backend;
};

/** ioredis options from a redis:// or rediss:// URL. */
export function redisOptionsFromUrl(url: string) {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: db ? Number(db) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}
