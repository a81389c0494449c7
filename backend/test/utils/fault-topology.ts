import { createHmac, randomBytes } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '@legeai/meta-sandbox';
import { createPostgresBackend, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { POSTGRES_QUEUE_SCHEMA } from '../../src/infra/queue/queue-connection';
import { LEADGEN_JOB_NAME, META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads/meta-leads.jobs';
import { OwnRedis } from './own-redis';
import { freePort } from './free-port';
import { ProductProcess } from './product-process';
import { TcpProxy } from './tcp-proxy';
import { createDatabase, dropDatabase } from './test-database';
import { REDIS_SERVER } from './test-services';

/**
 * The whole product as real processes for fault tests: a database of its own, a Redis of its own, `APP_ROLE=api`
 * and `APP_ROLE=worker` processes of the built server with the same environment, and an in-process Meta sandbox
 * whose webhooks go to the first api process. Every piece can be killed and restarted by the test.
 *
 * Without redis-server on the machine the queues run on BullMQ's PostgreSQL backend in the topology's database, as
 * `npm start` runs them; scenarios about Redis itself (persistentRedis, `redis`) then cannot run and are skipped with
 * describeWithRedisServer.
 */

const META = { appId: '1234567890123', secret: 'fault-meta-app-secret', verifyToken: 'fault-verify-token', version: 'v26.0' };
const ADMIN = { email: 'admin@example.test', password: 'correct-horse-battery-staple' };

export const AUTO_FORM = '555000000000101';

export interface FaultTopologyOptions {
  /** Worker processes started at once (default 1). */
  workers?: number;
  /** Api processes (default 1); the sandbox's webhooks go to the first. */
  apis?: number;
  /** Redis with an append-only file, so queued jobs survive a restart (needs redis-server). */
  persistentRedis?: boolean;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** The processes reach PostgreSQL through a TcpProxy (`databaseProxy`), which the test can cut and restore. */
  databaseProxy?: boolean;
  sandboxSeed?: string;
}

export interface StoredCount {
  leadgenId: string;
  mappings: number;
  leads: number;
}

export class FaultTopology {
  readonly apis: ProductProcess[] = [];
  readonly workers: ProductProcess[] = [];
  organisationId = '';
  accessToken = '';
  private closed = false;

  private constructor(
    readonly database: string,
    readonly db: DataSource,
    private readonly ownRedis: OwnRedis | undefined,
    readonly sandbox: RunningSandbox,
    readonly env: Record<string, string>,
    readonly queue: Queue,
    /** Between the processes and PostgreSQL, when started with `databaseProxy` (the test's own `db` connects directly). */
    readonly databaseProxy?: TcpProxy,
  ) {}

  /**
   * Starts everything and connects Meta for the first admin's organisation through the OAuth flow over HTTP. On any
   * failure, whatever was started is stopped again before the error is thrown.
   */
  static async start(options: FaultTopologyOptions = {}): Promise<FaultTopology> {
    const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const database = `legeai_fault_${suffix}`;
    const databaseUrl = await createDatabase(database);
    const cleanups: (() => Promise<unknown>)[] = [() => dropDatabase(database)];
    const undo = async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    };
    try {
      if (options.persistentRedis && !REDIS_SERVER) throw new Error('persistentRedis needs redis-server, which is not installed');
      const redis = REDIS_SERVER ? await OwnRedis.start({ persistent: options.persistentRedis }) : undefined;
      if (redis) cleanups.push(() => redis.dispose());
      const apiPort = await freePort();
      const publicUrl = `http://127.0.0.1:${apiPort}`;
      const sandbox = await startSandbox({
        seed: options.sandboxSeed ?? 'fault-tests',
        appId: META.appId,
        appSecret: META.secret,
        verifyToken: META.verifyToken,
        redirectUris: [`${publicUrl}/v1/integrations/meta/callback`],
        // Retries of failed deliveries come at once; the webhook may wait out the enqueue timeout while Redis is down.
        webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: 10_000 },
      });
      cleanups.push(() => sandbox.close());

      const prefix = `fault_${suffix}`;
      let databaseProxy: TcpProxy | undefined;
      if (options.databaseProxy) {
        const target = new URL(databaseUrl);
        databaseProxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
        cleanups.push(() => databaseProxy!.close());
      }
      const env: Record<string, string> = {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseProxy ? databaseProxy.rewrite(databaseUrl) : databaseUrl,
        // Without redis-server, no REDIS_URL: the queues on the PostgreSQL backend.
        ...(redis ? { REDIS_URL: redis.url } : {}),
        QUEUE_PREFIX: prefix,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        TOKEN_ENCRYPTION_KEYS: `fault:${randomBytes(32).toString('base64')}`,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PUBLIC_URL: publicUrl,
        META_APP_ID: META.appId,
        META_APP_SECRET: META.secret,
        META_VERIFY_TOKEN: META.verifyToken,
        META_REDIRECT_URI: `${publicUrl}/v1/integrations/meta/callback`,
        META_GRAPH_URL: sandbox.url,
        META_DIALOG_URL: sandbox.url,
        META_API_VERSION: META.version,
        // A dead worker's jobs come back within seconds instead of a minute.
        QUEUE_LOCK_DURATION_MS: '6000',
        QUEUE_STALLED_INTERVAL_MS: '3000',
        // A rate limit without a regain time pauses Graph calls for a second instead of a minute.
        META_RATE_LIMIT_PAUSE_MS: '1000',
        // No scheduled reconciliation during a test: every stored lead must come through the webhook path.
        LEAD_RECONCILE_CRON: '0 0 1 1 *',
        ...options.env,
      };

      const db = await new DataSource({ type: 'postgres', url: databaseUrl, extra: { max: 3 } }).initialize();
      cleanups.push(() => db.destroy());
      const queue = redis
        ? new Queue(META_LEADS_QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null }, prefix })
        : // `migrate: true` as the product does: whichever comes first creates the queue schema (under an advisory lock).
          new Queue(
            META_LEADS_QUEUE_NAME,
            { connection: { connectionString: databaseUrl, schema: POSTGRES_QUEUE_SCHEMA, migrate: true }, prefix },
            createPostgresBackend as never,
          );
      queue.on('error', () => undefined); // the test's own Redis is stopped on purpose
      cleanups.push(() => queue.close());

      const topology = new FaultTopology(database, db, redis, sandbox, env, queue, databaseProxy);
      cleanups.push(() => topology.stopProcesses());
      // The first api runs the migrations (under an advisory lock) and seeds the admin; the rest start together.
      topology.apis.push(await ProductProcess.start('api-1', { ...env, APP_ROLE: 'api' }, apiPort));
      const more = Array.from({ length: (options.apis ?? 1) - 1 }, (_, i) =>
        ProductProcess.start(`api-${i + 2}`, { ...env, APP_ROLE: 'api' }),
      );
      const workers = Array.from({ length: options.workers ?? 1 }, () => topology.startWorker());
      topology.apis.push(...(await Promise.all(more)));
      await Promise.all(workers);
      await topology.connectMeta();
      return topology;
    } catch (error) {
      await undo();
      throw error;
    }
  }

  get api(): ProductProcess {
    return this.apis[0];
  }

  /** The queues' Redis, for scenarios that stop and restart it (only with redis-server; see describeWithRedisServer). */
  get redis(): OwnRedis {
    if (!this.ownRedis) throw new Error('This topology runs its queues on PostgreSQL: there is no Redis to stop (needs redis-server)');
    return this.ownRedis;
  }

  async startWorker(): Promise<ProductProcess> {
    const worker = await ProductProcess.start(`worker-${this.workers.length + 1}`, { ...this.env, APP_ROLE: 'worker' });
    this.workers.push(worker);
    return worker;
  }

  /** Signs in as the first admin and clicks through Meta's (the sandbox's) consent dialog. */
  private async connectMeta(): Promise<void> {
    const login = await fetch(`${this.api.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (login.status !== 200) throw new Error(`login → ${login.status} ${await login.text()}`);
    const session = (await login.json()) as { accessToken: string; user: { organisationId: string } };
    this.accessToken = session.accessToken;
    this.organisationId = session.user.organisationId;

    const authUrl = await fetch(`${this.api.url}/v1/integrations/meta/auth/url`, {
      headers: { Authorization: `Bearer ${this.accessToken}` },
    });
    if (authUrl.status !== 200) throw new Error(`auth/url → ${authUrl.status} ${await authUrl.text()}`);
    const dialog = await fetch(((await authUrl.json()) as { url: string }).url);
    const html = await dialog.text();
    if (dialog.status !== 200) throw new Error(`dialog → ${dialog.status} ${html.slice(0, 300)}`);
    const checked = (name: string) =>
      [...html.matchAll(new RegExp(`<input type="checkbox" name="${name}" value="([^"]+)" checked(?! disabled)`, 'g'))].map((m) => m[1]);
    const body = new URLSearchParams({ dialog: /name="dialog" value="([^"]+)"/.exec(html)![1], decision: 'continue' });
    for (const name of ['scope', 'page', 'ad_account', 'business']) for (const value of checked(name)) body.append(name, value);
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
    const decided = await fetch(`${this.sandbox.url}${action}`, { method: 'POST', body, redirect: 'manual' });
    if (decided.status !== 302) throw new Error(`consent → ${decided.status} ${await decided.text()}`);
    const callback = await fetch(decided.headers.get('location')!.replace(/#_=_$/, ''), { redirect: 'manual' });
    const landing = new URL(callback.headers.get('location') ?? 'about:blank');
    if (callback.status !== 302 || landing.searchParams.get('result') !== 'connected') {
      throw new Error(`callback → ${callback.status} ${landing.href} ${await callback.text()}`);
    }
  }

  /** Creates leads in the sandbox (it announces them by webhook unless webhooks are off). */
  createLeads(count: number, formId = AUTO_FORM) {
    return this.sandbox.control.createLeads({ formId, count });
  }

  /** Leadgen ids of every sandbox delivery our webhook acknowledged with a 200. */
  acknowledgedLeadIds(): string[] {
    const ids = this.sandbox.control.deliveries().flatMap((d) => (d.httpStatus === 200 ? d.leadgenIds : []));
    return [...new Set(ids)];
  }

  /** Posts a signed delivery to an api process, as Meta does; answers the status. */
  async deliver(body: string, api: ProductProcess = this.api): Promise<number> {
    const res = await fetch(`${api.url}/v1/integrations/meta/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature(body) },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }

  /** Mappings and leads stored per leadgen id, for this organisation. */
  async storedCounts(leadgenIds: string[]): Promise<StoredCount[]> {
    const rows = (await this.db.query(
      `SELECT m.meta_lead_id AS "leadgenId", count(*)::int AS mappings, count(l.id)::int AS leads
         FROM meta_lead_mappings m LEFT JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 AND m.meta_lead_id = ANY($2)
        GROUP BY m.meta_lead_id`,
      [this.organisationId, leadgenIds],
    )) as StoredCount[];
    return rows;
  }

  /** Waits (bounded) until every one of `leadgenIds` has a stored lead and no lead job is left to run. */
  async waitAllStored(leadgenIds: string[], timeoutMs = 60_000): Promise<void> {
    await waitFor(
      `${leadgenIds.length} leads stored`,
      async () => {
        const stored = await this.storedCounts(leadgenIds);
        return stored.length === leadgenIds.length ? true : `${stored.length}/${leadgenIds.length} stored`;
      },
      timeoutMs,
    );
    await this.waitQueueIdle(timeoutMs);
  }

  /** Waits until no lead job is active, waiting or delayed. */
  async waitQueueIdle(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      'the lead jobs to drain',
      async () => {
        const counts = await this.leadJobCounts('active', 'wait', 'delayed', 'prioritized', 'waiting-children');
        return Object.values(counts).every((n) => n === 0) ? true : JSON.stringify(counts);
      },
      timeoutMs,
    );
  }

  /** Lead jobs per state. The lead queue (meta-leads) also holds the reconciliation's jobs: only `leadgen` jobs count. */
  async leadJobCounts(
    ...states: ('active' | 'wait' | 'delayed' | 'prioritized' | 'waiting-children' | 'failed')[]
  ): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const state of states) {
      const jobs = await this.queue.getJobs([state]);
      counts[state] = jobs.filter((job) => job?.name === LEADGEN_JOB_NAME).length;
    }
    return counts;
  }

  /** Lead jobs still to run (what `Queue.count()` counts, for lead jobs only). */
  async leadJobsToRun(): Promise<number> {
    const counts = await this.leadJobCounts('wait', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }

  /**
   * The exactly-once check: every id has one mapping and one lead, and the organisation has no lead without a
   * mapping and no Meta lead stored twice. Answers what is wrong (empty when all is well), so a failure names it.
   */
  async exactlyOnceProblems(leadgenIds: string[]): Promise<string[]> {
    const stored = new Map((await this.storedCounts(leadgenIds)).map((row) => [row.leadgenId, row]));
    const problems: string[] = [];
    for (const id of leadgenIds) {
      const row = stored.get(id);
      if (!row) problems.push(`${id}: missing`);
      else if (row.mappings !== 1 || row.leads !== 1) problems.push(`${id}: ${row.mappings} mappings, ${row.leads} leads`);
    }
    const [{ orphans }] = await this.db.query(
      `SELECT count(*)::int AS orphans FROM leads l
        WHERE l.organisation_id = $1 AND NOT EXISTS (SELECT 1 FROM meta_lead_mappings m WHERE m.legeai_lead_id = l.id)`,
      [this.organisationId],
    );
    if (orphans) problems.push(`${orphans} lead(s) without a Meta mapping`);
    const twice = await this.db.query(
      `SELECT legeai_lead_id FROM meta_lead_mappings WHERE organisation_id = $1 GROUP BY legeai_lead_id HAVING count(*) > 1`,
      [this.organisationId],
    );
    if (twice.length) problems.push(`${twice.length} lead(s) mapped from more than one Meta lead`);
    return problems;
  }

  /** Output of every process, for a failing test's message. */
  outputs(): string {
    return [...this.apis, ...this.workers]
      .map((p) => `--- ${p.name} (pid ${p.pid}, ${p.alive ? 'alive' : 'dead'})\n${p.output().slice(-4000)}`)
      .join('\n');
  }

  private async stopProcesses(): Promise<void> {
    await Promise.all([...this.workers, ...this.apis].map((p) => p.kill('SIGKILL')));
  }

  /** Kills every process, stops Redis and the sandbox, and drops the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopProcesses();
    // The queue client closes only against a live server (it would otherwise wait for a reconnect forever), so a
    // Redis stopped by a test that failed mid-outage is started again first.
    if (this.ownRedis && !this.ownRedis.running) await this.ownRedis.start().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    await this.db.destroy().catch(() => undefined);
    await this.sandbox.close().catch(() => undefined);
    await this.ownRedis?.dispose();
    await this.databaseProxy?.close();
    await dropDatabase(this.database);
  }
}

export function signature(body: string): string {
  return `sha256=${createHmac('sha256', META.secret).update(body).digest('hex')}`;
}

/**
 * Polls `check` until it answers `true`; any other answer is the progress shown if the bound is reached. Bounded by
 * time only as a safety net: the tests wait on counts, not on durations.
 */
export async function waitFor(what: string, check: () => Promise<true | string>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: true | string = 'not checked';
  while (Date.now() < deadline) {
    try {
      last = await check();
    } catch (error) {
      last = `check failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (last === true) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`Gave up waiting for ${what}; last: ${last}`);
}
