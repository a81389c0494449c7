import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Runs the built product (`node backend/dist/main.js`, which serves the production console) the way an operator
 * would, for the browser tests: on a database of its own on the machine's PostgreSQL (TEST_PG_URL), the machine's
 * Redis under a unique queue prefix (TEST_REDIS_URL) or, with TEST_QUEUE_BACKEND=postgres (what `npm test` sets
 * when no Redis is reachable), no REDIS_URL at all, so the queues run on that database as with `npm start`, and the
 * bundled Meta sandbox (no META_APP_ID).
 */
const ROOT = path.resolve(__dirname, '../..');
const PG_ADMIN_URL = process.env['TEST_PG_URL'] || 'postgresql://postgres@127.0.0.1:5432/postgres';
const QUEUE_ENV: NodeJS.ProcessEnv =
  process.env['TEST_QUEUE_BACKEND'] === 'postgres' ? {} : { REDIS_URL: process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379' };

export interface RunningServer {
  baseUrl: string;
  /** The embedded Meta sandbox, whose control surface (`/__sandbox`) tests use to create leads and inject faults. */
  sandboxUrl: string;
  /** The server's own database, for tests that seed what no console flow can make yet (insight facts). */
  databaseUrl: string;
  adminEmail: string;
  adminPassword: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const main = path.join(ROOT, 'backend/dist/main.js');
  const consoleIndex = path.join(ROOT, 'dist/admin/browser/index.html');
  for (const file of [main, consoleIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the browser tests.`);
  }

  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'legeai-browser-'));
  const database = `legeai_browser_${suffix}`;
  await adminQuery(`CREATE DATABASE "${database}"`);
  const dbUrl = new URL(PG_ADMIN_URL);
  dbUrl.pathname = `/${database}`;

  const port = await freePort();
  const sandboxPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const adminEmail = 'admin@browser.test';
  const adminPassword = `Pw-${randomBytes(12).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    // No PUBLIC_URL, as a new user runs `npm start`: the console must work from whatever address it is opened at.
    DATABASE_URL: dbUrl.toString(),
    ...QUEUE_ENV,
    QUEUE_PREFIX: `legeai_browser_${suffix}`,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TOKEN_ENCRYPTION_KEYS: `browser:${randomBytes(32).toString('base64')}`,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    SANDBOX_PORT: String(sandboxPort),
    // The sandbox keeps its state (issued tokens, id counters) under DATA_DIR: a folder of this run's own, not the
    // checkout's .data/ that `npm start` uses, so a test run neither starts from nor overwrites a developer's Meta.
    DATA_DIR: dataDir,
    // No demo leads: the tests create the leads they look for.
    SANDBOX_DEMO_LEAD_INTERVAL: '0',
    // The webhooks spec's receiver listens on 127.0.0.1, a private target that production refuses by default.
    OUTGOING_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    // Alerts are evaluated every 5 s instead of every minute, so the specs that raise one (and see it resolved) wait
    // seconds, not minutes; what is evaluated is the same.
    ALERTS_EVALUATE_CRON: '*/5 * * * * *',
  };

  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    await kill(child);
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`${baseUrl}/health`, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join('')}`, { cause: error });
  }
  return { baseUrl, sandboxUrl: `http://127.0.0.1:${sandboxPort}`, databaseUrl: dbUrl.toString(), adminEmail, adminPassword, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  // Bounded by attempts, not by a timed assertion: the server either comes up or exits.
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy at ${url}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
