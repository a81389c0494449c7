import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { Client } from 'pg';
import { join } from 'node:path';
import { startBaseline } from './lib/baseline';
import { BENCH_ADMIN, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult, Comparison } from './lib/report';
import { BenchSettings } from './lib/settings';

export const NAME = 'Lead store at scale';

/**
 * The product's own WHERE clause for a list query, from the built backend: each floor then reads its rows with exactly
 * the conditions the product sends (a search ORs name and email, a phone search four expressions), not a look-alike
 * that the planner may treat differently.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLeadFilter } = require(join(REPO_ROOT, 'backend', 'dist', 'modules', 'leads', 'lead-filters.js')) as {
  buildLeadFilter: (organisationId: string, query: Record<string, unknown>) => { where: string; params: unknown[] };
};
/**
 * The issue's target: each case answers within 3× its floor, read at p50 (a typical answer). The p95s are reported
 * against the floor too, but on a 2-core machine they are set by scheduling more than by the code: the bare
 * node:http + pg server (`baselines/sql-page-server.ts`, no framework) has shown p95s from 1.4× to 3.3× its own p50
 * from run to run, where the floor (one round trip to PostgreSQL, no HTTP) stays near 1.5×. So the product's tail is
 * held against what the same hops cost without it: its p95 within MAX_RATIO× that server's p95.
 */
const MAX_RATIO = 3;
/**
 * The exporting process's V8 heap limit (old space). The product holds about 70 MB once booted; a 100,000-lead export
 * that gathered its rows or its file in memory would need more than the rest (the CSV alone is 24 MB of text).
 */
const EXPORT_HEAP_CAP_MB = 128;
const PAGE = 50;
/** Rounds of every case before the measurements (see `run`). */
const WARMUP_ROUNDS = 40;

/**
 * One organisation's lead store at 1,000,000 leads (50,000 with --quick), generated in SQL. Each case is a request
 * of `GET /v1/leads` through the built product (HTTP, auth, validation, the rows, the total, JSON) against its
 * floor: the indexed read of the page's rows alone, the same SQL the product runs for its rows, sent by this process
 * straight to PostgreSQL. Beside them, the same statement behind a bare node:http + pg server
 * (`baselines/sql-page-server.ts`): what HTTP and JSON alone add on this machine, and the reference for the product's
 * p95 (see MAX_RATIO). The three run in turn in the same process, after a warm-up of every case (the seed's writes
 * flushed first); p50 and p95 of each. HTTP requests go through node:http with a keep-alive agent, the cheapest
 * client, so the client's own cost stays out of the product's numbers as it stays out of the floor's.
 * Then 100,000-lead CSV and XLSX exports (20,000 with --quick) from a second product process whose heap is capped.
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const leads = settings.quick ? 50_000 : 1_000_000;
  const exportLeads = settings.quick ? 20_000 : 100_000;
  // 1,000 samples a case: with 200, one burst of slow requests on the machine (a few in a row) was the whole p95.
  const samples = settings.quick ? 15 : 1_000;
  const product = await startProduct({ role: 'api', logLevel: 'warn' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const db = new Client({ connectionString: product.databaseUrl });
    await db.connect();
    const bare = await startBaseline('sql-page-server', { DATABASE_URL: product.databaseUrl, PORT: '0' });
    try {
      const organisationId = await seed(db, leads);
      const token = await signIn(product);
      const get = async (query: string) => {
        const started = performance.now();
        const path = `/v1/leads?${query}`;
        const res = await call(agent, `${product.url}${path}`, { authorization: `Bearer ${token}` }).catch((error: Error) => {
          // Say why and what the product printed last: a bare "fetch failed" once ended a run unexplained.
          throw new Error(`GET ${path}: ${error.message}; product output:\n${product.child.tail()}`);
        });
        const body = JSON.parse(res.body) as { items: unknown[]; nextCursor?: string | null; total: number };
        if (res.status !== 200) throw new Error(`GET ${path} → ${res.status} ${res.body}`);
        return { ms: performance.now() - started, body };
      };
      /** The page's rows alone: the product's filter and order, the floor's columns, no total. */
      const statement = (query: ListQuery) => {
        const { where, params } = buildLeadFilter(organisationId, query.filter);
        const values = [...params];
        let after = '';
        if (query.cursor) {
          values.push(...query.cursor);
          after = ` AND (l.received_at, l.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`;
        }
        return {
          text: `SELECT l.id, l.full_name, l.email, l.phone, l.phone_e164, l.status, l.source, l.form_id, f.form_name, l.campaign_id,
                  l.campaign_name, l.is_organic, l.is_test, l.duplicate_of_id, l.duplicate_rule, l.needs_review, l.premium_value,
                  l.premium_currency, l.received_at
             FROM leads l LEFT JOIN meta_lead_forms f ON f.organisation_id = l.organisation_id AND f.form_id = l.form_id
            WHERE ${where}${after} ORDER BY l.received_at DESC, l.id DESC LIMIT ${PAGE}`,
          values,
        };
      };
      const floor = async (query: ListQuery) => {
        const { text, values } = statement(query);
        const started = performance.now();
        await db.query(text, values);
        return performance.now() - started;
      };
      /** The floor's statement through the bare HTTP server: request, pool query, JSON answer, parsed here. */
      const bareHttp = async (query: ListQuery) => {
        const started = performance.now();
        const res = await call(agent, bare.url, { 'content-type': 'application/json' }, JSON.stringify(statement(query)));
        if (res.status !== 200) throw new Error(`bare SQL page server → ${res.status} ${res.body}`);
        JSON.parse(res.body);
        return performance.now() - started;
      };

      // A cursor deep in the list, where page 10,000 starts (the first 50 × 9,999 leads skipped).
      const deep = await db.query<{ received_at: string; id: string }>(
        `SELECT received_at::text, id FROM leads WHERE organisation_id = $1 AND is_test = false
          ORDER BY received_at DESC, id DESC OFFSET $2 LIMIT 1`,
        [organisationId, Math.min(leads - PAGE - 1, PAGE * 9_999) - 1],
      );
      const deepCursor = Buffer.from(JSON.stringify({ r: deep.rows[0].received_at, i: deep.rows[0].id })).toString('base64url');
      const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
      // Each case: the product's query string, and the same list query for the floor's statement.
      const cases: { label: string; query: string; sql: ListQuery }[] = [
        { label: 'first page', query: `limit=${PAGE}`, sql: { filter: {} } },
        {
          label: 'deep page (cursor)',
          query: `limit=${PAGE}&cursor=${deepCursor}`,
          sql: { filter: {}, cursor: [deep.rows[0].received_at, deep.rows[0].id] },
        },
        { label: 'status filter', query: `limit=${PAGE}&status=qualified`, sql: { filter: { status: 'qualified' } } },
        { label: 'form filter', query: `limit=${PAGE}&formId=form_7`, sql: { filter: { formId: 'form_7' } } },
        { label: 'date range', query: `limit=${PAGE}&from=${encodeURIComponent(since)}`, sql: { filter: { from: since } } },
        {
          // Lead 4242's address (the seed's Chloe Jensen): a search that finds its lead, not an empty result.
          label: 'search email',
          query: `limit=${PAGE}&q=${encodeURIComponent('chloe.jensen.4242')}`,
          sql: { filter: { q: 'chloe.jensen.4242' } },
        },
        { label: 'search phone', query: `limit=${PAGE}&q=${encodeURIComponent('555 0179')}`, sql: { filter: { q: '555 0179' } } },
        { label: 'search name', query: `limit=${PAGE}&q=${encodeURIComponent('Okafor')}`, sql: { filter: { q: 'Okafor' } } },
      ];

      const comparisons: Comparison[] = [];
      const notes: string[] = [];
      let pass = true;
      // A server answers these all day; measured cold, the first cases paid for V8 still compiling the product's, the
      // bare server's and this client's code (the first case ran up to 1.6× slower than the same case measured again
      // at the end of the run). Every case's three paths run WARMUP_ROUNDS times before any is measured.
      for (let round = 0; round < (settings.quick ? 3 : WARMUP_ROUNDS); round++) {
        for (const c of cases) {
          await get(c.query);
          await floor(c.sql);
          await bareHttp(c.sql);
        }
      }
      notes.push(await httpFloor(product, agent, token, samples));
      for (const c of cases) {
        for (let i = 0; i < 3; i++) {
          await get(c.query);
          await floor(c.sql);
          await bareHttp(c.sql);
        }
        const productMs: number[] = [];
        const floorMs: number[] = [];
        const bareMs: number[] = [];
        let sample = { total: 0, cursor: false, items: 0, exact: true };
        for (let i = 0; i < samples; i++) {
          // The three in a rotating order, so none always runs right after another's garbage or cache warm-up.
          const turns = [
            async () => floorMs.push(await floor(c.sql)),
            async () => bareMs.push(await bareHttp(c.sql)),
            async () => {
              const answer = await get(c.query);
              productMs.push(answer.ms);
              const body = answer.body as { items: unknown[]; total: number; totalExact?: boolean; nextCursor?: string | null };
              sample = { total: body.total, cursor: Boolean(body.nextCursor), items: body.items.length, exact: body.totalExact !== false };
            },
          ];
          for (let t = 0; t < turns.length; t++) await turns[(i + t) % turns.length]();
        }
        const [p50, p95, f50, f95, b50, b95] = [
          pct(productMs, 50),
          pct(productMs, 95),
          pct(floorMs, 50),
          pct(floorMs, 95),
          pct(bareMs, 50),
          pct(bareMs, 95),
        ];
        comparisons.push({ label: `${c.label} p50`, unit: 'ms', baseline: f50, product: p50, ratio: f50 / p50 });
        comparisons.push({ label: `${c.label} p95`, unit: 'ms', baseline: f95, product: p95, ratio: f95 / p95 });
        if (p50 > MAX_RATIO * f50 || p95 > MAX_RATIO * b95) pass = false;
        notes.push(
          `${c.label}: ${sample.items} rows, total ${sample.exact ? '' : 'about '}${sample.total.toLocaleString('en-US')}${sample.cursor ? ', next cursor' : ''}; ` +
            `the same SQL behind bare HTTP: p50 ${b50.toFixed(2)} ms (${times(b50, f50)} the floor), p95 ${b95.toFixed(2)} ms (${times(b95, f95)}); ` +
            `the product ${times(p50, b50)} / ${times(p95, b95)} of that` +
            (p95 > MAX_RATIO * f95 ? `; p95 ${times(p95, f95)} the floor's, over ${MAX_RATIO}× (see MAX_RATIO)` : ''),
        );
      }

      // The exports run in a second product process on the same data with its heap capped: streaming in constant
      // memory means ten times the rows finish under the same cap at the same pace per row, whenever V8 collects.
      const capped = await startProduct({
        role: 'api',
        logLevel: 'warn',
        database: product.database,
        nodeArgs: [`--max-old-space-size=${EXPORT_HEAP_CAP_MB}`],
      });
      try {
        const cappedToken = await signIn(capped);
        for (const format of ['csv', 'xlsx'] as const) {
          const exported = await exportRun(capped, cappedToken, db, organisationId, exportLeads, format);
          notes.push(exported.note);
          if (!exported.constant) pass = false;
        }
      } finally {
        await capped.stop();
      }
      return [
        {
          name: NAME,
          target:
            `each ≤ ${MAX_RATIO}× its floor at p50 (ratio ≥ ${(100 / MAX_RATIO).toFixed(1)} %), its p95 ≤ ${MAX_RATIO}× the bare ` +
            `HTTP server's; the export in constant memory`,
          comparisons,
          pass,
          notes: [`${leads.toLocaleString('en-US')} leads in one organisation, ${samples} samples per case`, ...notes],
        },
      ];
    } finally {
      await bare.stop();
      await db.end();
    }
  } finally {
    agent.destroy();
    await product.stop();
  }
}

/** The admin's organisation filled with `count` leads over the last two years, one every ~minute, 20 forms, 50 campaigns. */
async function seed(db: Client, count: number): Promise<string> {
  const { rows } = await db.query<{ organisation_id: string }>(
    `SELECT m.organisation_id FROM organisation_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
    [BENCH_ADMIN.email],
  );
  const organisationId = rows[0].organisation_id;
  await db.query(
    `INSERT INTO leads (organisation_id, first_name, last_name, full_name, email, email_normalized, phone, phone_e164,
                        status, source, form_id, campaign_id, campaign_name, received_at, status_changed_at)
     SELECT $1, fn, ln, fn || ' ' || ln, lower(fn || '.' || ln || '.' || i || '@example.com'), lower(fn || '.' || ln || '.' || i || '@example.com'),
            '+1 (718) 555-' || lpad((i % 10000)::text, 4, '0'), '+1718' || lpad((i % 10000000)::text, 7, '0'),
            (ARRAY['new','contacted','qualified','quoted','won','lost'])[1 + i % 6]::lead_status, 'meta_lead_ads',
            'form_' || (i % 20), 'camp_' || (i % 50), 'Campaign ' || (i % 50), ts, ts
       FROM generate_series(1, $2::int) i,
            LATERAL (SELECT (ARRAY['Ana','Ben','Chloe','David','Emma','Farid','Grace','Hugo','Ines','Jamal','Kira','Liam','Maya','Noah',
                                   'Olga','Pablo','Quinn','Rosa','Sam','Tara'])[1 + i % 20] AS fn,
                            (ARRAY['Garcia','Smith','Okafor','Nguyen','Muller','Rossi','Kowalski','Silva','Haddad','Tanaka','Dubois','Novak',
                                   'Jensen','Costa','Ivanova','Brown','Khan','Murphy','Lopez','Schmidt'])[1 + (i / 20) % 20] AS ln,
                            now() - (i * interval '63 seconds') AS ts) n`,
    [organisationId, count],
  );
  await db.query('VACUUM ANALYZE leads');
  // The seed leaves about a gigabyte of dirty pages, which PostgreSQL's checkpointer would otherwise write back
  // spread over the next minutes (checkpoint_completion_target), under the measurements. Written now instead.
  await db.query('CHECKPOINT');
  return organisationId;
}

/**
 * What any authenticated request costs beside its own work, reported next to the floors (not a target): the
 * signed-in user's `GET /v1/auth/me` (HTTP with keep-alive, bearer auth, one indexed read of the user, JSON).
 */
async function httpFloor(product: RunningProduct, agent: Agent, token: string, samples: number): Promise<string> {
  const once = async () => {
    const started = performance.now();
    const res = await call(agent, `${product.url}/v1/auth/me`, { authorization: `Bearer ${token}` });
    JSON.parse(res.body);
    if (res.status !== 200) throw new Error(`GET /v1/auth/me → ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) ms.push(await once());
  return `HTTP floor (GET /v1/auth/me: HTTP, bearer auth, one user read, JSON): p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms`;
}

async function signIn(product: RunningProduct): Promise<string> {
  const res = await fetch(`${product.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * Exports the newest `count` leads as CSV or XLSX (a date filter picks them), reading the body as it comes, first a
 * tenth of them, then all, from the product whose heap is capped at EXPORT_HEAP_CAP_MB. Constant memory: both finish
 * whole under the cap, and the large one keeps the small one's pace per row (within 2×; a heap filling up shows as
 * V8 collecting ever more often, or as the process dying). The resident memory's peak growth is printed beside it.
 */
async function exportRun(
  product: RunningProduct,
  token: string,
  db: Client,
  organisationId: string,
  count: number,
  format: 'csv' | 'xlsx',
) {
  const measure = async (n: number) => {
    const { rows } = await db.query<{ received_at: string }>(
      `SELECT received_at::text FROM leads WHERE organisation_id = $1 AND is_test = false ORDER BY received_at DESC OFFSET $2 LIMIT 1`,
      [organisationId, n - 1],
    );
    const from = new Date(rows[0].received_at).toISOString();
    const before = rss(product);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rss(product))), 50);
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    let failure: string | null = null;
    try {
      const res = await fetch(`${product.url}/v1/leads/export.${format}?from=${encodeURIComponent(from)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`export → ${res.status} ${await res.text()}`);
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      }
    } catch (error) {
      failure = `${(error as Error).message}; product output:\n${product.child.tail()}`;
    } finally {
      clearInterval(timer);
    }
    // A zipped XLSX has no lines to count: its size stands for its rows (about 230 bytes a lead).
    const whole = failure === null && (format === 'csv' ? lines - 1 >= n * 0.99 : bytes >= n * 100);
    return { n, whole, failure, bytes, seconds: (performance.now() - started) / 1000, growthMb: (peak - before) / 1e6 };
  };
  const small = await measure(Math.round(count / 10));
  const large = await measure(count);
  const pace = large.seconds / large.n / (small.seconds / small.n);
  const constant = small.whole && large.whole && pace <= 2;
  const verdict = constant
    ? 'constant'
    : !large.whole
      ? `DID NOT FINISH under the cap${large.failure ? ` (${large.failure})` : ''}`
      : 'slowed down near the cap';
  return {
    constant,
    note:
      `export ${format.toUpperCase()} under a ${EXPORT_HEAP_CAP_MB} MB heap cap: ${large.n.toLocaleString('en-US')} leads, ` +
      `${(large.bytes / 1e6).toFixed(1)} MB in ${large.seconds.toFixed(1)} s (a tenth of them: ${small.seconds.toFixed(1)} s; ` +
      `time per lead ${pace.toFixed(1)}× the small one's), resident memory peak +${large.growthMb.toFixed(0)} MB ` +
      `(a tenth: +${small.growthMb.toFixed(0)} MB) → ${verdict}`,
  };
}

/** The product process's resident set, from /proc (Linux), in bytes. */
function rss(product: RunningProduct): number {
  const status = readFileSync(`/proc/${product.child.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** One request over the keep-alive agent (GET, or POST with a body); answers the status and the whole body as text. */
function call(agent: Agent, url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const times = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;

/** A list query as the product reads it (`filter`), and where a deep page starts (received_at, id). */
interface ListQuery {
  filter: Record<string, unknown>;
  cursor?: [string, string];
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
