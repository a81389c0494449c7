import { compareUnderLoad, meets } from './lib/compare';
import { connectPageDirectly } from './lib/connect-page';
import { deliveryFactory, signedRequests, WEBHOOK_PATH } from './lib/deliveries';
import { startBaseline } from './lib/baseline';
import { BENCH_META_APP, startProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'Durable ingest';
const TARGET = 0.5;
const PAGE_ID = '100000000000002';

/**
 * Real work on both sides: unique signed deliveries for a connected Page. The product checks the signature,
 * stores the delivery in the inbox, looks the Page up, enqueues one BullMQ job (Redis) and marks the row enqueued,
 * all before its 200. The baseline does the same inbox insert into the same table of the same database.
 */
export async function run(settings: BenchSettings): Promise<BenchResult> {
  const product = await startProduct({ role: 'api', logLevel: 'warn' });
  await connectPageDirectly(product.databaseUrl, PAGE_ID);
  const baseline = await startBaseline('pg-inbox-server', { APP_SECRET: BENCH_META_APP.secret, DATABASE_URL: product.databaseUrl });
  try {
    const result = await compareUnderLoad(
      { label: 'baseline', url: baseline.url, next: signedRequests(deliveryFactory(PAGE_ID, '200000000000002'), BENCH_META_APP.secret) },
      { label: 'product', url: product.url, next: signedRequests(deliveryFactory(PAGE_ID, '200000000000002'), BENCH_META_APP.secret) },
      WEBHOOK_PATH,
      200,
      settings,
    );
    const rows = await withClient(product.databaseUrl, async (c) =>
      (await c.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM meta_webhook_inbox GROUP BY 1 ORDER BY 1`)).rows,
    );
    const notes = [
      ...result.notes,
      `inbox rows by status after all runs (baseline rows stay "received"; product rows should all be "enqueued"): ${rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    ];
    return {
      name: NAME,
      target: `req/s and p99 ≥ ${TARGET * 100} % of bare node:http + pg inbox insert`,
      comparisons: result.comparisons,
      pass: meets(result, TARGET),
      notes,
    };
  } finally {
    await baseline.stop();
    await product.stop();
  }
}
