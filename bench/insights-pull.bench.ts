import { DEMO_IDS, startSandbox } from '@legeai/meta-sandbox';
import type { SandboxOptions } from '@legeai/meta-sandbox';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectMetaThroughDialog } from './lib/connect-meta';
import { freePort, sleep } from './lib/processes';
import { BENCH_ADMIN, BENCH_META_APP, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'Insights pull';
const REQUESTS_TARGET = 1.25;
/**
 * Rows per page of an insights answer the product asks for (INSIGHTS_PAGE_SIZE in
 * backend/src/modules/meta-insights/graph/insights-graph.api.ts), Meta's and the sandbox's maximum.
 */
const PAGE_SIZE = 500;
/** The reports of every pull (PULL_UNITS in backend/src/modules/meta-insights/pulls/pull-units.ts). */
const UNITS = [
  ['account', 'none'],
  ['campaign', 'none'],
  ['adset', 'none'],
  ['ad', 'none'],
  ...['account', 'campaign'].flatMap((level) => ['platform', 'age_gender', 'region'].map((breakdown) => [level, breakdown])),
] as const;

const built = () => existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-insights', 'pulls', 'insights-pull.service.js'));

interface PullRow {
  id: string;
  trigger: string;
  status: string;
  since: string;
  until: string;
  graph_requests: number;
  async_runs: number;
  splits: number;
  rows_written: number;
  error: string | null;
  started_at: Date | null;
  finished_at: Date | null;
}

const pullRows = (product: RunningProduct, where: string, params: unknown[]) =>
  withClient(
    product.databaseUrl,
    async (c) =>
      (
        await c.query<PullRow>(
          `SELECT id, trigger, status, to_char(since, 'YYYY-MM-DD') AS since, to_char(until, 'YYYY-MM-DD') AS until, graph_requests,
                  async_runs, splits, rows_written, error, started_at, finished_at FROM meta_insight_pulls WHERE ${where}`,
          params,
        )
      ).rows,
  );

/** Waits until the pulls the query finds have all ended (polling every 500 ms: cheap next to a pull). */
async function waitForPulls(
  product: RunningProduct,
  where: string,
  params: unknown[],
  count: number,
  timeoutMs: number,
): Promise<PullRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await pullRows(product, where, params);
    if (rows.length >= count && rows.every((r) => r.status === 'succeeded' || r.status === 'failed')) return rows;
    if (Date.now() > deadline)
      throw new Error(
        `the pulls did not end within ${timeoutMs / 1000} s: ${JSON.stringify(rows)}; product output:\n${product.child.tail()}`,
      );
    await sleep(500);
  }
}

/**
 * The daily refresh of one ad account: its lookback window (28 days, the default INSIGHTS_LOOKBACK_DAYS) pulled by
 * the built product (APP_ROLE=all, as deployed, INSIGHTS_REPORT_POLL_MS at its default) through async report runs,
 * against the sandbox with no added latency and Meta-like run times (a few seconds, more for big reports). The demo
 * account gets the large-account builder's campaigns first (full: 60 campaigns, 300 ad sets, 1,200 ads; quick: 10 /
 * 50 / 200) with 30 days of history. Graph requests and async runs are compared with the floor: one run per report
 * (four levels, three breakdowns at account and campaign level: 10) plus ⌈rows / 500⌉ pages of each, counted from the
 * facts the pull wrote. The product's extra requests are the polls of each run and the account read (once a day).
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = `1 async run per report, ≤ ${REQUESTS_TARGET}× the floor (runs + pages) in Graph requests`;
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: meta-insights is not in the build'] }];
  const size = settings.quick
    ? { campaigns: 10, adsetsPerCampaign: 5, adsPerAdset: 4 }
    : { campaigns: 60, adsetsPerCampaign: 5, adsPerAdset: 4 };
  const accountId = DEMO_IDS.adAccounts.lifeHealth;
  const act = `act_${accountId}`;
  const port = await freePort();
  const productUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'bench-insights',
    appId: BENCH_META_APP.id,
    appSecret: BENCH_META_APP.secret,
    verifyToken: BENCH_META_APP.verifyToken,
    redirectUris: [`${productUrl}/v1/integrations/meta/callback`],
    webhooks: { enabled: false },
    // Budgets out of the way: this measures the pull's requests, not throttling (the e2e tests cover that).
    usage: {
      appCallsPerHour: 1e9,
      adAccountCallsPerHour: 1e9,
      buc: { ads_management: 1e9, ads_insights: 1e9 },
    } as SandboxOptions['usage'],
  });
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({
      role: 'all',
      logLevel: 'warn',
      port,
      graphUrl: sandbox.url,
      // A short backfill on connect (sync reads), out of the way before the measured pull.
      env: { META_DIALOG_URL: sandbox.url, INSIGHTS_BACKFILL_DAYS: '3' },
    });
    await connectMetaThroughDialog(product.url, sandbox.url);
    await waitForPulls(product, `trigger = 'backfill'`, [], 2, 120_000);

    const large = sandbox.control.marketing.buildLargeAccount({ accountId, ...size, historyDays: 30 });
    const login = await fetch(`${product.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const seq = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    // The lookback window, as the daily schedule pulls it (no range: INSIGHTS_LOOKBACK_DAYS up to today).
    const queued = await fetch(`${product.url}/v1/integrations/meta/insights/pulls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ adAccountId: act }),
    });
    if (queued.status !== 202) throw new Error(`insights/pulls → ${queued.status} ${await queued.text()}`);
    const [{ id }] = (await queued.json()) as { id: string }[];
    const [pull] = await waitForPulls(product, `id = $1`, [id], 1, 900_000);
    if (pull.status !== 'succeeded') throw new Error(`the pull failed: ${pull.error}`);

    const rowsByUnit = await withClient(product.databaseUrl, async (c) => {
      const { rows } = await c.query<{ level: string; breakdown: string; n: number }>(
        `SELECT level, breakdown, count(*)::int AS n FROM meta_insight_facts
          WHERE ad_account_id = $1 AND date BETWEEN $2 AND $3 GROUP BY level, breakdown`,
        [act, pull.since, pull.until],
      );
      return new Map(rows.map((r) => [`${r.level}:${r.breakdown}`, r.n]));
    });
    const pagesFloor = UNITS.map(([level, breakdown]) =>
      Math.max(1, Math.ceil((rowsByUnit.get(`${level}:${breakdown}`) ?? 0) / PAGE_SIZE)),
    );
    const floorRequests = UNITS.length + pagesFloor.reduce((a, b) => a + b, 0);

    const calls = sandbox.control.calls({ sinceSeq: seq, limit: 1_000_000 }).filter((c) => !c.path.includes('/campaigns'));
    const posts = calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/${act}/insights`)).length;
    const polls = calls.filter((c) => c.method === 'GET' && /^\/\d{13,}$/.test(c.path)).length;
    const pages = calls.filter((c) => c.method === 'GET' && /^\/\d{13,}\/insights$/.test(c.path)).length;
    const accountReads = calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/${act}`)).length;
    const pullSeconds = (pull.finished_at!.getTime() - pull.started_at!.getTime()) / 1000;
    const rows = [...rowsByUnit.values()].reduce((a, b) => a + b, 0);
    return [
      {
        name: NAME,
        target,
        comparisons: [
          { label: 'async runs', unit: '', baseline: UNITS.length, product: pull.async_runs, ratio: UNITS.length / pull.async_runs },
          {
            label: 'Graph requests',
            unit: '',
            baseline: floorRequests,
            product: pull.graph_requests,
            ratio: floorRequests / pull.graph_requests,
          },
        ],
        pass: pull.async_runs === UNITS.length && pull.splits === 0 && pull.graph_requests <= REQUESTS_TARGET * floorRequests,
        notes: [
          `account ${act} with the builder's ${large.campaigns} campaigns / ${large.adsets} ad sets / ${large.ads} ads; range ${pull.since} … ${pull.until} (${pull.trigger}); ${rows} facts in the range, the pull wrote ${pull.rows_written}`,
          `floor = ${UNITS.length} runs + pages ${UNITS.map(([l, b], i) => `${l}/${b} ${pagesFloor[i]}`).join(', ')} = ${floorRequests}`,
          `sandbox call log: ${posts} report runs queued, ${polls} polls (${(polls / Math.max(1, posts)).toFixed(1)} per run), ${pages} pages, ${accountReads} account read(s); the product counted ${pull.graph_requests} requests, ${pull.splits} splits`,
          `the pull took ${pullSeconds.toFixed(1)} s (started → finished, database clock): the report runs' own time, their polls' waits, reading the pages and writing the facts`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await sandbox.close();
  }
}
