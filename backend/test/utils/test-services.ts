/**
 * The services the e2e tests run on, as `npm test` (scripts/test.mjs) found them. Run directly with jest, the tests
 * use the machine's PostgreSQL and Redis as before; scripts/test.mjs sets these variables when the machine has less.
 *
 * - TEST_QUEUE_BACKEND: `redis` (default) puts the test apps' queues on the Redis at TEST_REDIS_URL; `postgres` puts
 *   them on BullMQ's PostgreSQL backend in each test database, as `npm start` does with no REDIS_URL.
 * - TEST_REDIS_SERVER: the `redis-server` binary for tests that start, stop and restart a Redis of their own
 *   (default `redis-server` on PATH); empty when none is installed, which skips those tests.
 */
export type TestQueueBackend = 'redis' | 'postgres';

export const TEST_QUEUE_BACKEND: TestQueueBackend = queueBackend(process.env.TEST_QUEUE_BACKEND);

/** The machine's Redis; TEST_REDIS_URL overrides it for machines that differ. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The redis-server binary, or undefined when there is none. */
export const REDIS_SERVER: string | undefined = (process.env.TEST_REDIS_SERVER ?? 'redis-server') || undefined;

/** The test app's REDIS_URL: Redis as the queue backend, or nothing, which selects the PostgreSQL backend. */
export function queueEnv(): Record<string, string> {
  return TEST_QUEUE_BACKEND === 'redis' ? { REDIS_URL: TEST_REDIS_URL } : {};
}

/**
 * `describe` for tests about Redis itself (stopping and restarting it), which need a redis-server of their own. Without
 * one they are skipped, and the reason is in their title, which is how jest's report and `npm test`'s summary show it.
 */
export function describeWithRedisServer(name: string, body: () => void): void {
  if (REDIS_SERVER) describe(name, body);
  else describe.skip(`${name} [skipped: needs redis-server, which is not installed]`, body);
}

function queueBackend(value: string | undefined): TestQueueBackend {
  if (value === undefined || value === '' || value === 'redis') return 'redis';
  if (value === 'postgres') return 'postgres';
  throw new Error(`TEST_QUEUE_BACKEND must be "redis" or "postgres", got "${value}"`);
}
