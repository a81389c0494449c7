// The services `npm test` runs the backend e2e and browser suites on. The machine's own when they answer
// (TEST_PG_URL, TEST_REDIS_URL, or PostgreSQL and Redis on 127.0.0.1), otherwise what the run starts or uses instead,
// so that a machine with only Node runs the tests too:
// - no PostgreSQL: one embedded PostgreSQL for the whole run (the product's helper, which `npm start` uses) in a
//   temporary directory on a free port, exported to every suite as TEST_PG_URL and stopped at the end;
// - no Redis: TEST_QUEUE_BACKEND=postgres, so the test apps run their queues on BullMQ's PostgreSQL backend, as
//   `npm start` does;
// - tests about Redis itself (stopping and restarting it) start a redis-server of their own: TEST_REDIS_SERVER
//   names it, empty when none is installed, which skips them.
// A variable already set by the caller wins (TEST_QUEUE_BACKEND=postgres runs the queues on PostgreSQL even with a
// Redis at hand; TEST_REDIS_SERVER= behaves as if redis-server were not installed).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export const DEFAULT_PG_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Errors that mean "nothing answers there" (fall back), as opposed to "something answered and refused us" (stop). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET']);

/**
 * Finds or starts the services. Answers the environment for the suites, one line per service for the summary,
 * `problems` (a service that answered but cannot be used: the suites needing services do not run) and `stop()`.
 */
export async function prepareServices({ root, env, log }) {
  const lines = [];
  const problems = [];
  const fallbacks = [];
  const suiteEnv = {};
  let stopPostgres = async () => undefined;

  const pgUrl = env.TEST_PG_URL || DEFAULT_PG_URL;
  const pg = await probePostgres(pgUrl);
  if (pg.ok) {
    lines.push(`PostgreSQL: ${redact(pgUrl)} (${pg.version})`);
  } else if (!pg.unreachable) {
    problems.push(`PostgreSQL at ${redact(pgUrl)} answered but cannot be used: ${pg.reason}`);
  } else {
    log(`No PostgreSQL reachable at ${redact(pgUrl)} (${pg.reason}): starting an embedded PostgreSQL for this run`);
    try {
      const embedded = await startEmbeddedPostgres(root, log);
      stopPostgres = embedded.stop;
      suiteEnv.TEST_PG_URL = embedded.url;
      lines.push(
        `PostgreSQL: embedded, started for this run on 127.0.0.1:${embedded.port} (${embedded.version}); none reachable at ${redact(pgUrl)} (${pg.reason})`,
      );
      fallbacks.push(`no PostgreSQL reachable at ${redact(pgUrl)}`);
    } catch (error) {
      problems.push(`No PostgreSQL reachable at ${redact(pgUrl)} (${pg.reason}), and the embedded one did not start: ${message(error)}`);
    }
  }

  const redisUrl = env.TEST_REDIS_URL || DEFAULT_REDIS_URL;
  if (env.TEST_QUEUE_BACKEND) {
    suiteEnv.TEST_QUEUE_BACKEND = env.TEST_QUEUE_BACKEND;
    lines.push(
      `queues: ${env.TEST_QUEUE_BACKEND === 'postgres' ? "BullMQ's PostgreSQL backend" : `Redis at ${redact(redisUrl)}`} (TEST_QUEUE_BACKEND=${env.TEST_QUEUE_BACKEND})`,
    );
    if (env.TEST_QUEUE_BACKEND === 'postgres') fallbacks.push('TEST_QUEUE_BACKEND=postgres');
  } else {
    const redis = await probeRedis(redisUrl);
    if (redis.ok) {
      suiteEnv.TEST_QUEUE_BACKEND = 'redis';
      lines.push(`queues: Redis at ${redact(redisUrl)} (${redis.version})`);
    } else if (!redis.unreachable) {
      problems.push(`Redis at ${redact(redisUrl)} answered but cannot be used: ${redis.reason}`);
    } else {
      suiteEnv.TEST_QUEUE_BACKEND = 'postgres';
      lines.push(`queues: BullMQ's PostgreSQL backend; no Redis reachable at ${redact(redisUrl)} (${redis.reason})`);
      fallbacks.push(`no Redis reachable at ${redact(redisUrl)}`);
    }
  }

  const redisServer = findRedisServer(env);
  suiteEnv.TEST_REDIS_SERVER = redisServer.path ?? '';
  lines.push(
    redisServer.path
      ? `Redis scenarios (a redis-server of their own, stopped and restarted): ${redisServer.path} (${redisServer.version})`
      : `Redis scenarios (a redis-server of their own, stopped and restarted): skipped, ${redisServer.reason}`,
  );

  return {
    env: suiteEnv,
    lines,
    problems,
    /** What the run used instead of the machine's services (CI does not accept any). */
    fallbacks,
    stop: stopPostgres,
  };
}

async function probePostgres(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  // A server that goes away later must not crash this process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return { ok: true, version: `PostgreSQL ${rows[0].server_version.split(' ')[0]}` };
  } catch (error) {
    const timedOut = /timeout/i.test(message(error));
    return { ok: false, unreachable: timedOut || UNREACHABLE.has(error?.code), reason: error?.code ?? message(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeRedis(url) {
  const Redis = require('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError;
  client.on('error', (error) => (lastError = error));
  try {
    await client.connect();
    const info = await client.info('server');
    return { ok: true, version: `Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}` };
  } catch (error) {
    const cause = lastError ?? error;
    const code = cause?.code ?? (/connect ETIMEDOUT|timeout/i.test(message(cause)) ? 'ETIMEDOUT' : undefined);
    return { ok: false, unreachable: UNREACHABLE.has(code), reason: code ?? message(cause) };
  } finally {
    client.disconnect();
  }
}

/** TEST_REDIS_SERVER when set (empty: none), else `redis-server` on PATH; it must run. */
function findRedisServer(env) {
  const named = 'TEST_REDIS_SERVER' in env ? env.TEST_REDIS_SERVER : 'redis-server';
  if (!named) return { reason: 'TEST_REDIS_SERVER is empty (as if redis-server were not installed)' };
  const run = spawnSync(named, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0)
    return { reason: `${named === 'redis-server' ? 'redis-server is not installed' : `TEST_REDIS_SERVER=${named} does not run`}` };
  return { path: named, version: `Redis ${/v=(\S+)/.exec(run.stdout)?.[1] ?? '?'}` };
}

/**
 * The product's embedded PostgreSQL (backend/dist, so after the build), throwaway: durability off, since the cluster
 * is deleted at the end anyway.
 */
async function startEmbeddedPostgres(root, log) {
  const helper = join(root, 'backend/dist/database/embedded-postgres.js');
  if (!existsSync(helper)) throw new Error(`${helper} is missing: build the backend first (npm run build:libs && npm run build:backend)`);
  const { startEmbeddedPostgres: start } = require(helper);
  const dataDir = mkdtempSync(join(tmpdir(), 'legeai-test-pg-'));
  const port = await freePort();
  try {
    const handle = await start({
      dataDir,
      port,
      password: randomBytes(18).toString('base64url'),
      log,
      // With the queues on PostgreSQL each product process holds ~25 connections (a pool per queue and worker), and
      // the fault suite runs four processes besides the test's own: more than the default 100.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    const version = await probePostgres(handle.url);
    return {
      url: handle.url,
      port,
      version: version.ok ? version.version : '?',
      stop: async () => {
        // Bounded: after a Ctrl+C in the terminal PostgreSQL has had the SIGINT too and may be gone already, and the
        // package's stop() then waits for an exit that has happened.
        let timer;
        const stopped = handle.stop().catch((error) => log(`Stopping the embedded PostgreSQL: ${message(error)}`));
        await Promise.race([stopped, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
        clearTimeout(timer);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A URL without its password, for printing. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function message(error) {
  if (error instanceof AggregateError && error.errors?.length) return error.errors.map(message).join('; ');
  return error instanceof Error ? error.message : String(error);
}
