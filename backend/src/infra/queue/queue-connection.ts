import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
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
 * Options shared by every queue and worker. With REDIS_URL the queues live in Redis; otherwise BullMQ's PostgreSQL
 * backend keeps them in the application database. The backend factory is process-wide in BullMQ, so it is chosen
 * here, before Nest creates the first Queue (this factory runs before any queue provider).
 */
export function buildQueueOptions(queue: QueueConfig, databaseUrl: string): QueueOptions {
  if (queue.backend === 'redis') {
    setDefaultBackendFactory(undefined);
    return { connection: redisOptionsFromUrl(queue.redisUrl!), prefix: queue.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    // `migrate: true` creates or upgrades the queue schema; BullMQ serialises that with an advisory lock.
    connection: { connectionString: databaseUrl, schema: POSTGRES_QUEUE_SCHEMA, migrate: true },
    prefix: queue.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  };
}

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
