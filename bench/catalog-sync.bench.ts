import { DEMO_IDS, startSandbox } from '@legeai/meta-sandbox';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectMetaThroughDialog } from './lib/connect-meta';
import { freePort, sleep } from './lib/processes';
import { BENCH_ADMIN, BENCH_META_APP, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { BenchSettings } from './lib/settings';

export const NAME = 'Catalog sync';
/** Meta's maximum of requests per items_batch call (ITEMS_BATCH_MAX in backend/src/modules/meta-catalog/graph/catalog-graph.api.ts). */
const BATCH_MAX = 5000;
/** Rows per import call: the default 1 MB body limit holds about 4,000 of these rows. */
const IMPORT_ROWS = 3000;

const built = () => existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-catalog', 'sync', 'catalog-sync.service.js'));

interface SyncDto {
  id: string;
  state: string;
  creates: number;
  writeRequests: number;
  statusPolls: number;
  itemErrors: number;
  startedAt: string | null;
  finishedAt: string | null;
}

function csvOf(from: number, count: number): string {
  const lines = ['retailer_id,name,description,brand,line_of_business,price,currency,landing_url,image_url,custom_label_0'];
  const lines_of_business = ['auto', 'home', 'life', 'health', 'renters', 'pet', 'travel', 'business'];
  for (let i = from; i < from + count; i++) {
    const lob = lines_of_business[i % lines_of_business.length];
    const site = 'https://bench.legeai.example';
    lines.push(
      `P-${String(i).padStart(6, '0')},${lob} policy ${i},Monthly ${lob} cover from the listed premium,Bench Mutual,${lob},${(19 + (i % 80)).toFixed(2)},USD,${site}/p/${i},${site}/img/${i}.jpg,TX`,
    );
  }
  return lines.join('\n');
}

/**
 * The first sync of 12,000 products (imported through the CSV endpoint) to a new catalog of the demo business, by
 * the built product against the sandbox with its default batch timing (a handle starts after 1 s and ends after 5 s
 * of sandbox time). Write requests are compared with the floor ceil(products / 5,000); status polls are reported
 * (the product waits 1 s, then doubles the wait up to 30 s). A second, unchanged sync must make no write at all.
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = 'write requests = ceil(products / 5,000); unchanged re-sync makes 0 writes';
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: meta-catalog is not in the build'] }];
  const products = settings.quick ? 1_200 : 12_000;
  const port = await freePort();
  const productUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'bench-catalog',
    appId: BENCH_META_APP.id,
    appSecret: BENCH_META_APP.secret,
    verifyToken: BENCH_META_APP.verifyToken,
    redirectUris: [`${productUrl}/v1/integrations/meta/callback`],
    webhooks: { enabled: false },
  });
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({ role: 'all', logLevel: 'warn', port, graphUrl: sandbox.url, env: { META_DIALOG_URL: sandbox.url } });
    await connectMetaThroughDialog(product.url, sandbox.url);
    const login = await fetch(`${product.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const api = async <T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> => {
      const res = await fetch(`${product!.url}/v1/catalog/${path}`, {
        method,
        headers: { 'content-type': contentType, authorization: `Bearer ${accessToken}` },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };

    const importStarted = Date.now();
    let imported = 0;
    for (let from = 0; from < products; from += IMPORT_ROWS) {
      const report = await api<{ created: number; rejected: number }>(
        'POST',
        'products/import',
        csvOf(from, Math.min(IMPORT_ROWS, products - from)),
        'text/csv',
      );
      imported += report.created;
    }
    const importMs = Date.now() - importStarted;
    const catalog = await api<{ id: string }>('POST', 'catalogs', { businessId: DEMO_IDS.businessId, name: 'Bench policies' });
    await api('PUT', 'link', { catalogId: catalog.id });

    const syncOnce = async (): Promise<SyncDto> => {
      const started = await api<SyncDto>('POST', 'syncs');
      const deadline = Date.now() + 600_000;
      for (;;) {
        const sync = await api<SyncDto>('GET', `syncs/${started.id}`);
        if (sync.state === 'succeeded') return sync;
        if (sync.state === 'failed' || sync.state === 'awaiting_confirmation') throw new Error(`sync ended ${JSON.stringify(sync)}`);
        if (Date.now() > deadline) throw new Error(`sync did not end: ${JSON.stringify(sync)}; product output:\n${product!.child.tail()}`);
        await sleep(200);
      }
    };
    const seq = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    const first = await syncOnce();
    const calls = sandbox.control.calls({ sinceSeq: seq, limit: 1_000_000 });
    const batchCalls = calls.filter((c) => c.path.endsWith('/items_batch')).length;
    const polls = calls.filter((c) => c.path.endsWith('/check_batch_request_status')).length;
    const seq2 = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    const second = await syncOnce();
    const writesAgain = sandbox.control.calls({ sinceSeq: seq2, limit: 1_000_000 }).filter((c) => c.method !== 'GET').length;
    const items = (await (await fetch(`${sandbox.url}/__sandbox/catalogs`)).json()) as {
      data: { id: string; items?: number; products?: number }[];
    };
    const floor = Math.ceil(products / BATCH_MAX);
    const syncMs = new Date(first.finishedAt!).getTime() - new Date(first.startedAt!).getTime();
    return [
      {
        name: NAME,
        target,
        comparisons: [
          { label: 'write requests', unit: '', baseline: floor, product: first.writeRequests, ratio: floor / first.writeRequests },
        ],
        pass:
          first.writeRequests === floor &&
          batchCalls === floor &&
          first.creates === products &&
          second.writeRequests === 0 &&
          writesAgain === 0,
        notes: [
          `${products} products imported in ${(importMs / 1000).toFixed(1)} s (${imported} created, ${IMPORT_ROWS} rows per CSV call)`,
          `first sync: ${first.creates} creates in ${first.writeRequests} items_batch calls (sandbox log: ${batchCalls}; floor ceil(${products}/${BATCH_MAX}) = ${floor}), ${first.statusPolls} status polls (sandbox log: ${polls}), ${first.itemErrors} item errors, ${(syncMs / 1000).toFixed(1)} s start to end (handles take 6 s of sandbox time)`,
          `unchanged re-sync: ${second.writeRequests} writes (sandbox log: ${writesAgain} non-GET calls), ${second.statusPolls} polls`,
          `sandbox catalog summary: ${JSON.stringify(items.data.find((c) => c.id === catalog.id) ?? null)}`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await sandbox.close();
  }
}
