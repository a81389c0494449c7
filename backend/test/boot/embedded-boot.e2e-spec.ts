/**
 * Boots the built server (`node backend/dist/main.js`) the way `npm start` does, with nothing configured: no
 * DATABASE_URL, no REDIS_URL, a fresh DATA_DIR. Needs a build first (`npm run build:libs && npm run build:backend`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { freePort } from '../utils/free-port';

const MAIN = resolve(__dirname, '../../dist/main.js');
const STARTUP_LIMIT_MS = 90_000;

jest.setTimeout(4 * STARTUP_LIMIT_MS);

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Server {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  const child = spawn(process.execPath, [MAIN], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, output: () => out, exited };
}

/** Polls /health until it answers ok, the process dies, or the start-up limit passes. */
async function waitHealthy(server: Server, port: number): Promise<{ status: string; details: Record<string, any> }> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  let dead = false;
  void server.exited.then(() => (dead = true));
  while (!dead && Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      const body = (await res.json()) as { status: string; details: Record<string, any> };
      if (res.status === 200 && body.status === 'ok') return body;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server never became healthy${dead ? ' (it exited)' : ''}. Output:\n${server.output()}`);
}

async function stop(server: Server): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

describe('embedded boot (built server)', () => {
  let dataDir: string;
  let running: Server | undefined;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:libs && npm run build:backend" first`);
    const parent = mkdtempSync(join(tmpdir(), 'legeai-boot-'));
    // The embedded cluster runs as the `postgres` user when we are root; it must be able to reach the data dir.
    chmodSync(parent, 0o755);
    dataDir = join(parent, 'data');
  });

  afterEach(async () => {
    if (running) await stop(running);
    running = undefined;
  });

  afterAll(() => {
    rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  });

  it('starts from nothing on embedded PostgreSQL with the queues on it, stops cleanly, and reuses its data', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

    running = start(env);
    const health = await waitHealthy(running, port);
    expect(health.details.database.status).toBe('up');
    expect(health.details.queue).toMatchObject({ status: 'up', backend: 'postgres' });
    expect(running.output()).toContain(`http://localhost:${port}`);
    expect(running.output()).toContain('Initialising embedded PostgreSQL');

    // The queue really lives in PostgreSQL: BullMQ's schema exists.
    const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
    const db = await new DataSource({
      type: 'postgres',
      url: `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort}/postgres`,
    }).initialize();
    try {
      const [{ tables }] = await db.query(`SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'bullmq'`);
      expect(tables).toBeGreaterThan(0);
      const migrations = await db.query(`SELECT name FROM migrations ORDER BY id`);
      expect(migrations.map((m: { name: string }) => m.name)).toEqual(
        expect.arrayContaining(['Identity1764400000000', 'MetaAndLeads1764400100000']),
      );
      await db.query(`INSERT INTO organisations (name) VALUES ('kept across restarts')`);
    } finally {
      await db.destroy();
    }

    expect(await stop(running)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    // Second start: same data directory, no re-initialisation, data still there.
    running = start(env);
    await waitHealthy(running, port);
    expect(running.output()).not.toContain('Initialising embedded PostgreSQL');
    const again = await new DataSource({
      type: 'postgres',
      url: `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort}/postgres`,
    }).initialize();
    try {
      const rows = await again.query(`SELECT 1 FROM organisations WHERE name = 'kept across restarts'`);
      expect(rows).toHaveLength(1);
    } finally {
      await again.destroy();
    }
  });

  it('refuses to start on an invalid variable, naming it, without a stack trace', async () => {
    running = start({ PORT: 'not-a-port', DATA_DIR: dataDir });
    const code = await running.exited;
    expect(code).toBe(1);
    expect(running.output()).toMatch(/PORT: .*integer/);
    expect(running.output()).not.toMatch(/\n\s+at /);
  });
});
