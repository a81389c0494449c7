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
 * Real work on both sides: unique signed deliveries for a connected Page. The product checks the signature and
 * stores the delivery in the inbox before its 200; right after it, it looks the Page up, enqueues one BullMQ job
 * (Redis) and marks the row enqueued. The baseline does the same inbox insert into the same table of the same
 * database. The product's after-answer work counts against it: it runs during the product's measured runs, and
 * what is left when a run ends is waited for (and reported) before the next run starts, so it never runs during
 * the baseline's.
 */
export async function run(settings: BenchSettings): Promise<BenchResult> {
  const product = await startProduct({ role: 'api', logLevel: 'warn' });
  await connectPageDirectly(product.databaseUrl, PAGE_ID);
  const baseline = await startBaseline('pg-inbox-server', { APP_SECRET: BENCH_META_APP.secret, DATABASE_URL: product.databaseUrl });
  // Baseline rows stay `received` for ever; the product's leave `received` once their job is queued. Runs never
  // overlap, so after a product run "done" means: no more `received` rows than the baseline has left so far.
  let rowsStillReceived = 0;
  const baselineTarget = (next: ReturnType<typeof signedRequests>) => ({
    label: 'baseline',
    url: baseline.url,
    next,
    // The requests in flight when the load stops still finish their insert: wait for the count to hold still.
    settle: async () => {
      const started = Date.now();
      let previous = -1;
      while ((rowsStillReceived = await countReceived(product.databaseUrl)) !== previous) {
        previous = rowsStillReceived;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return Date.now() - started;
    },
  });
  try {
    const result = await compareUnderLoad(
      baselineTarget(signedRequests(deliveryFactory(PAGE_ID, '200000000000002'), BENCH_META_APP.secret)),
      {
        label: 'product',
        url: product.url,
        next: signedRequests(deliveryFactory(PAGE_ID, '200000000000002'), BENCH_META_APP.secret),
        settle: () => waitForDispatched(product.databaseUrl, () => rowsStillReceived, product.child.tail),
      },
      WEBHOOK_PATH,
      200,
      settings,
    );
    const rows = await withClient(
      product.databaseUrl,
      async (c) =>
        (
          await c.query<{ status: string; n: number }>(
            `SELECT status::text, count(*)::int AS n FROM meta_webhook_inbox GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
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

const countReceived = (url: string): Promise<number> =>
  withClient(
    url,
    async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM meta_webhook_inbox WHERE status = 'received'`)).rows[0].n,
  );

/** Polls until the product has queued the jobs of every row it stored (up to 2 minutes); returns the time taken. */
async function waitForDispatched(url: string, baselineRows: () => number, productLog: () => string): Promise<number> {
  const started = Date.now();
  while ((await countReceived(url)) > baselineRows()) {
    if (Date.now() - started > 120_000)
      throw new Error(`The product did not queue the jobs of its stored deliveries within 2 minutes; its last lines:\n${productLog()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}
