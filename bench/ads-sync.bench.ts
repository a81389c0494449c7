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

export const NAME = 'Ads sync';
const REQUESTS_TARGET = 1.1;
/** Objects per page the product asks for (SYNC_PAGE_SIZE in backend/src/modules/meta-ads/graph/ads-graph.api.ts), Meta's and the sandbox's maximum. */
const PAGE_SIZE = 500;

const built = () => existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-ads', 'sync', 'ads-sync.service.js'));

interface SyncRow {
  state: string;
  started_at: Date | null;
  last_synced_at: Date | null;
  last_requests: number | null;
  last_objects: number | null;
}

async function syncRow(product: RunningProduct, act: string): Promise<SyncRow | undefined> {
  return withClient(
    product.databaseUrl,
    async (c) => (await c.query<SyncRow>(`SELECT * FROM meta_ads_sync_state WHERE ad_account_id = $1`, [act])).rows[0],
  );
}

/** Waits for the account's sync to end after `after` (polling its state row every 200 ms: cheap next to the sync). */
async function waitForSync(product: RunningProduct, act: string, after: Date, timeoutMs: number): Promise<SyncRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await syncRow(product, act);
    if (row?.state === 'ok' && row.last_synced_at && row.last_synced_at > after) return row;
    if (row?.state === 'failed') throw new Error(`the sync of ${act} failed: ${JSON.stringify(row)}`);
    if (Date.now() > deadline)
      throw new Error(
        `the sync of ${act} did not end within ${timeoutMs / 1000} s: ${JSON.stringify(row)}; product output:\n${product.child.tail()}`,
      );
    await sleep(200);
  }
}

/**
 * One ad account of 300 campaigns, 1,500 ad sets and 6,000 ads (the sandbox's large-account builder, on top of the
 * demo account's own campaigns), synced on demand by the built product (APP_ROLE=all) against the sandbox with no
 * added latency. Graph requests are compared with the paging floor, ceil(objects / 500) per edge (campaigns, ad sets,
 * ads; creatives come by field expansion); the sync's time (its state row: started → synced, database clock) with the
 * sum of the sandbox's own answer times for the sync's calls (its call log's `durationMs`): the floor of a client
 * that waits for each page before asking for the next, with free storage.
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = `≤ ${REQUESTS_TARGET}× the paging floor in Graph requests`;
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: meta-ads is not in the build'] }];
  const size = settings.quick
    ? { campaigns: 30, adsetsPerCampaign: 5, adsPerAdset: 4 }
    : { campaigns: 300, adsetsPerCampaign: 5, adsPerAdset: 4 };
  const accountId = DEMO_IDS.adAccounts.lifeHealth;
  const act = `act_${accountId}`;
  const port = await freePort();
  const productUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'bench-ads',
    appId: BENCH_META_APP.id,
    appSecret: BENCH_META_APP.secret,
    verifyToken: BENCH_META_APP.verifyToken,
    redirectUris: [`${productUrl}/v1/integrations/meta/callback`],
    webhooks: { enabled: false },
    // Budgets out of the way: this measures the sync's requests and time, not throttling (the e2e tests cover that).
    usage: { appCallsPerHour: 1e9, adAccountCallsPerHour: 1e9, buc: { ads_management: 1e9 } } as SandboxOptions['usage'],
  });
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({ role: 'all', logLevel: 'warn', port, graphUrl: sandbox.url, env: { META_DIALOG_URL: sandbox.url } });
    await connectMetaThroughDialog(product.url, sandbox.url);
    // The connect's own sync of the demo account first, so the measured one runs alone.
    await waitForSync(product, act, new Date(0), 60_000);

    const built = sandbox.control.marketing.buildLargeAccount({ accountId, ...size, historyDays: 30 });
    const counts = (await (await fetch(`${sandbox.url}/__sandbox/marketing`)).json()) as { adAccounts: unknown[] };
    const objects = (counts.adAccounts as { id: string; campaigns: number; adsets: number; ads: number }[]).find((a) => a.id === act)!;
    const floorRequests =
      Math.ceil(objects.campaigns / PAGE_SIZE) + Math.ceil(objects.adsets / PAGE_SIZE) + Math.ceil(objects.ads / PAGE_SIZE);

    const login = await fetch(`${product.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const before = await syncRow(product, act);
    const seq = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    const queued = await fetch(`${product.url}/v1/integrations/meta/campaigns/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ adAccountId: act }),
    });
    if (queued.status !== 202) throw new Error(`campaigns/sync → ${queued.status} ${await queued.text()}`);
    const done = await waitForSync(product, act, before?.last_synced_at ?? new Date(0), 600_000);

    const calls = sandbox.control.calls({ sinceSeq: seq, limit: 1_000_000 }).filter((c) => c.path.includes(`/${act}/`));
    const answerMs = calls.reduce((sum, c) => sum + c.durationMs, 0);
    const syncMs = done.last_synced_at!.getTime() - done.started_at!.getTime();
    const requests = done.last_requests ?? calls.length;
    const byEdge = ['campaigns', 'adsets', 'ads']
      .map((edge) => `${edge} ${calls.filter((c) => c.path.endsWith(`/${act}/${edge}`)).length}`)
      .join(', ');
    return [
      {
        name: NAME,
        target,
        comparisons: [
          { label: 'Graph requests', unit: '', baseline: floorRequests, product: requests, ratio: floorRequests / requests },
          { label: 'sync time', unit: 's', baseline: answerMs / 1000, product: syncMs / 1000, ratio: answerMs / syncMs },
        ],
        pass: requests <= REQUESTS_TARGET * floorRequests && done.last_objects === objects.campaigns + objects.adsets + objects.ads,
        notes: [
          `account ${act}: ${objects.campaigns} campaigns, ${objects.adsets} ad sets, ${objects.ads} ads (the builder's ${built.campaigns}/${built.adsets}/${built.ads} and the demo's own); the sync read ${done.last_objects} objects`,
          `paging floor = ceil(${objects.campaigns}/${PAGE_SIZE}) + ceil(${objects.adsets}/${PAGE_SIZE}) + ceil(${objects.ads}/${PAGE_SIZE}) = ${floorRequests}; requests by edge (sandbox call log): ${byEdge}; the product counted ${requests}`,
          `time floor = sum of the sandbox's answer times for the sync's ${calls.length} calls = ${(answerMs / 1000).toFixed(2)} s; the sync took ${(syncMs / 1000).toFixed(2)} s (started → synced, database clock); the rest is storing the pages and the requests' round trips`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await sandbox.close();
  }
}
