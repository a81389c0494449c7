import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Child, freePort, startNode, waitForHttp } from './processes';
import { createDatabase, databaseUrl as databaseUrlOf, deleteRedisKeys, dropDatabase, REDIS_URL, uniqueName } from './services';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(REPO_ROOT, 'backend', 'dist', 'main.js');

export const BENCH_META_APP = {
  id: '1786543210987654',
  secret: 'bench-meta-app-secret-0123456789ab',
  verifyToken: 'bench-verify-token',
  version: 'v26.0',
};
export const BENCH_ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password-123' };

export interface ProductOptions {
  /** `api` for the ingest benchmarks (HTTP only, as in a scaled deployment), `all` for the drain. */
  role: 'api' | 'all' | 'worker';
  logLevel: string;
  /** Where the Graph API is (the sandbox); a dead loopback port when the benchmark makes no Graph calls. */
  graphUrl?: string;
  env?: Record<string, string>;
  /** Extra node flags for the product process, e.g. `--cpu-prof` when looking for the cause of a miss. */
  nodeArgs?: string[];
  /** A port chosen beforehand (when the sandbox must know the callback URL first); default: a free one. */
  port?: number;
  /**
   * The database of a product already running (a second process on the same data, e.g. with other node flags); its
   * owner drops it. Default: a new database, dropped by `stop()`.
   */
  database?: string;
}

export interface RunningProduct {
  url: string;
  port: number;
  databaseUrl: string;
  database: string;
  prefix: string;
  child: Child;
  stop(): Promise<void>;
}

/**
 * The built backend (`node backend/dist/main.js`) as a child process, on a database created for it (its migrations
 * run at start) and the machine's Redis under a unique prefix. `stop()` ends it, drops the database and deletes the
 * prefix's keys.
 */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? uniqueName('db');
  const prefix = uniqueName('q');
  const databaseUrl = ownsDatabase ? await createDatabase(database) : databaseUrlOf(database);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const graphUrl = options.graphUrl ?? 'http://127.0.0.1:9';
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(port),
    APP_ROLE: options.role,
    LOG_LEVEL: options.logLevel,
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    META_APP_ID: BENCH_META_APP.id,
    META_APP_SECRET: BENCH_META_APP.secret,
    META_VERIFY_TOKEN: BENCH_META_APP.verifyToken,
    META_REDIRECT_URI: `${url}/v1/integrations/meta/callback`,
    META_API_VERSION: BENCH_META_APP.version,
    META_GRAPH_URL: graphUrl,
    META_DIALOG_URL: graphUrl,
    ...options.env,
  };
  const child = startNode(MAIN, env, options.nodeArgs ?? process.env.BENCH_PRODUCT_NODE_ARGS?.split(' ').filter(Boolean));
  const stop = async () => {
    await child.stop();
    // BENCH_KEEP_DATABASE=1 leaves the product's database and queue keys for a look afterwards (names printed).
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      console.log(`  (kept database ${database} and Redis keys ${prefix}:*)`);
      return;
    }
    if (ownsDatabase) await dropDatabase(database).catch(() => undefined);
    await deleteRedisKeys(prefix).catch(() => undefined);
  };
  try {
    await waitForHttp(`${url}/health`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, databaseUrl, database, prefix, child, stop };
}
