import { compareUnderLoad, meets } from './lib/compare';
import { deliveryFactory, signedRequests, WEBHOOK_PATH } from './lib/deliveries';
import { startBaseline } from './lib/baseline';
import { BENCH_META_APP, startProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'Webhook ingest, signature check only';
const TARGET = 0.6;

/**
 * Like with like: both servers get realistic, unique deliveries signed with the wrong secret, so each request goes
 * through the full signature check (body read, HMAC-SHA256 over the raw bytes, constant-time compare) and is refused
 * with 403; nothing is stored. The product answers it on its webhook route as it answers any delivery (the fast
 * route in front of Express: body limit, metrics, request id, headers, the ingest service's check, the envelope).
 */
export async function run(settings: BenchSettings): Promise<BenchResult> {
  const wrongSecret = 'not-the-app-secret';
  // LOG_LEVEL=error: every refusal writes a `warn` security line, which the baseline does not do (see docs).
  const product = await startProduct({ role: 'api', logLevel: 'error' });
  const baseline = await startBaseline('hmac-server', { APP_SECRET: BENCH_META_APP.secret });
  try {
    const result = await compareUnderLoad(
      { label: 'baseline', url: baseline.url, next: signedRequests(deliveryFactory('100000000000001', '200000000000001'), wrongSecret) },
      { label: 'product', url: product.url, next: signedRequests(deliveryFactory('100000000000001', '200000000000001'), wrongSecret) },
      WEBHOOK_PATH,
      403,
      settings,
    );
    const stored = await withClient(
      product.databaseUrl,
      async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM meta_webhook_inbox`)).rows[0].n,
    );
    const notes = [...result.notes, `product inbox rows after the run: ${stored} (expected 0)`];
    return {
      name: NAME,
      target: `req/s and p99 ≥ ${TARGET * 100} % of bare node:http + HMAC`,
      comparisons: result.comparisons,
      pass: meets(result, TARGET) && stored === 0,
      notes,
    };
  } finally {
    await baseline.stop();
    await product.stop();
  }
}
