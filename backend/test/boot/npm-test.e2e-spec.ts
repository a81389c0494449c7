/**
 * `npm test` (scripts/test.mjs) on a machine with only Node, simulated: its PostgreSQL and Redis URLs point at closed
 * ports and TEST_REDIS_SERVER is empty (no redis-server). It runs one e2e spec that needs a database and a queue and
 * one about Redis itself. Needs the build: the embedded PostgreSQL is started with the built product's helper.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from '../utils/free-port';

const ROOT = resolve(__dirname, '../../..');
const A_DATABASE_AND_A_QUEUE = 'test/e2e/platform.e2e-spec.ts';
const ABOUT_REDIS = 'test/faults/redis-restart.e2e-spec.ts';

jest.setTimeout(240_000);

/**
 * Set for the runs this spec starts. They are given spec paths and never load this spec, unless the path filter is
 * ignored; then this spec must not start runs again, or every run would start another.
 */
const NESTED = 'LEGEAI_NPM_TEST_SPEC_RUN';

interface Run {
  code: number | null;
  output: string;
}

/** Runs scripts/test.mjs with the environment of a machine that has nothing but Node (and `extra`). */
async function npmTestWithOnlyNode(args: string[], extra: Record<string, string> = {}): Promise<Run & { pgUrl: string; redisUrl: string }> {
  const pgUrl = `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`;
  const redisUrl = `redis://127.0.0.1:${await freePort()}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('TEST_') || name === 'CI') delete env[name];
  Object.assign(env, { TEST_PG_URL: pgUrl, TEST_REDIS_URL: redisUrl, TEST_REDIS_SERVER: '', [NESTED]: '1' }, extra);
  const child = spawn(process.execPath, [resolve(ROOT, 'scripts/test.mjs'), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, output, pgUrl, redisUrl };
}

const lastLine = (output: string) => output.trim().split('\n').at(-1);

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

(process.env[NESTED] ? describe.skip : describe)('npm test on a machine with only Node (scripts/test.mjs)', () => {
  it('runs on an embedded PostgreSQL with the queues on it, lists the Redis scenario as skipped with why, and stops the database', async () => {
    const run = await npmTestWithOnlyNode(['backend-e2e', '--', A_DATABASE_AND_A_QUEUE, ABOUT_REDIS]);
    expect({ code: run.code, tail: run.output.slice(-3000) }).toMatchObject({ code: 0 });

    const summary = run.output.slice(run.output.lastIndexOf('=== summary'));
    const embedded =
      /PostgreSQL: embedded, started for this run on 127\.0\.0\.1:(\d+) \(PostgreSQL 18[.\d]*\); none reachable at (\S+) \(ECONNREFUSED\)/.exec(
        summary,
      );
    expect(embedded?.[2]).toBe(run.pgUrl);
    expect(summary).toContain(`queues: BullMQ's PostgreSQL backend; no Redis reachable at ${run.redisUrl} (ECONNREFUSED)`);
    expect(summary).toContain('Redis scenarios (a redis-server of their own, stopped and restarted): skipped, TEST_REDIS_SERVER is empty');
    expect(summary).toContain('skipped (1):');
    expect(summary).toContain(
      'backend-e2e: backend/test/faults/redis-restart.e2e-spec.ts › Fault: Redis restarted during a burst of deliveries [skipped: needs redis-server, which is not installed]',
    );
    // The platform spec ran on it: its /health test expects the PostgreSQL queue backend.
    expect(summary).toMatch(/backend-e2e: ok in \d+s \((\d+) passed, 0 failed, 1 skipped\)/);
    expect(lastLine(run.output)).toMatch(/^tests: [1-9]\d* passed, 0 failed, 1 skipped$/);
    // The password of the embedded cluster is never printed.
    expect(run.output).not.toMatch(/postgresql:\/\/postgres:(?!\*\*\*@)[^@\s]+@/);
    expect(await portOpen(Number(embedded![1]))).toBe(false);
  });

  it('skips the browser suite, saying why, when there is no chromium', async () => {
    const run = await npmTestWithOnlyNode(['browser'], { E2E_CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.code).toBe(0);
    expect(run.output).toContain(
      "browser: the whole suite: no chromium at /nonexistent/chromium; install Debian's: apt-get install -y chromium",
    );
    expect(lastLine(run.output)).toBe('tests: 0 passed, 0 failed, 1 skipped');
  });

  it('fails under CI=true, saying that tests were skipped and which services were missing', async () => {
    const run = await npmTestWithOnlyNode(['backend-e2e', '--', ABOUT_REDIS], { CI: 'true' });
    expect(run.code).toBe(1);
    expect(run.output).toContain(
      `CI=true: every test must run, on the machine's own PostgreSQL and Redis; this run: no PostgreSQL reachable at ` +
        `${run.pgUrl}; no Redis reachable at ${run.redisUrl}; 1 skipped (listed above). FAILED`,
    );
    expect(lastLine(run.output)).toBe('tests: 0 passed, 0 failed, 1 skipped');
  });
});
