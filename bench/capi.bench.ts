import { DEMO_DATASET_ID, DEMO_IDS, startSandbox } from '@legeai/meta-sandbox';
import type { SandboxOptions } from '@legeai/meta-sandbox';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectMetaThroughDialog } from './lib/connect-meta';
import { statusBurst } from './lib/status-burst';
import { freePort, sleep } from './lib/processes';
import { BENCH_ADMIN, BENCH_META_APP, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'Conversions API burst';

/** The non-2xx answers among the calls, by status and Meta error code ("none" when every call was accepted). */
function refusals(calls: { status: number; errorCode?: number; errorSubcode?: number }[]): string {
  const counts = new Map<string, number>();
  for (const c of calls.filter((call) => call.status >= 300)) {
    const key = `HTTP ${c.status} code ${c.errorCode ?? '?'}${c.errorSubcode ? `/${c.errorSubcode}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? 'none' : [...counts].map(([key, n]) => `${n} × ${key}`).join(', ');
}
/** Meta's per-request maximum of events (MAX_EVENTS_PER_REQUEST in the product). */
const PER_REQUEST = 1000;
const REQUESTS_TARGET = 2;
/**
 * Status changes in flight at once, as many people and API clients moving leads: far more than the product's 10
 * database connections (each change holds one for its transaction and no other).
 */
const CONCURRENCY = 64;

const built = () => existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-conversions', 'send', 'capi-sender.service.js'));

/**
 * 10,000 Meta leads (made in the database: this measures the events, not the lead pipeline) move to qualified in one
 * burst through the API (PATCH leads/{id}/status, 64 at a time), with sending on. Each change writes its outbox row
 * in its transaction; the sends go out per dataset in batches that wait while changes keep arriving (up to 1,000
 * events or META_CAPI_MAX_LINGER_MS). Reported: the Graph requests to
 * `/{dataset}/events` against the floor ⌈10,000 / 1,000⌉, and the time from the last change's answer to the last
 * event accepted by Meta (database clock).
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = `≤ ${REQUESTS_TARGET}× the floor of ⌈changes / ${PER_REQUEST}⌉ Graph requests, every event accepted`;
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: meta-conversions is not in the build'] }];
  const changes = settings.quick ? 1_000 : 10_000;
  const port = await freePort();
  const productUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'bench-capi',
    appId: BENCH_META_APP.id,
    appSecret: BENCH_META_APP.secret,
    verifyToken: BENCH_META_APP.verifyToken,
    redirectUris: [`${productUrl}/v1/integrations/meta/callback`],
    webhooks: { enabled: false },
    usage: { appCallsPerHour: 1e9, adAccountCallsPerHour: 1e9, buc: { ads_management: 1e9 } } as SandboxOptions['usage'],
  });
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({
      role: 'all',
      logLevel: 'warn',
      port,
      graphUrl: sandbox.url,
      env: { META_DIALOG_URL: sandbox.url, META_CAPI_TEST_EVENT_CODE: 'TEST_BENCH' },
    });
    await connectMetaThroughDialog(product.url, sandbox.url);
    const login = await fetch(`${product.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
    const setup = await fetch(`${product.url}/v1/integrations/meta/conversions/settings`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        adAccountId: `act_${DEMO_IDS.adAccounts.autoHome}`,
        datasetId: DEMO_DATASET_ID,
        enabled: true,
        includeOrganic: false,
        includeTest: false,
        eventNames: {},
      }),
    });
    if (setup.status !== 200) throw new Error(`conversions/settings → ${setup.status} ${await setup.text()}`);

    const leadIds = await withClient(product.databaseUrl, async (c) => {
      const rows = await c.query<{ id: string }>(
        `WITH org AS (SELECT organisation_id AS id FROM meta_integrations LIMIT 1),
         l AS (
           INSERT INTO leads (organisation_id, source, full_name, email, email_normalized, phone_e164, received_at)
           SELECT org.id, 'meta_lead_ads', 'Bench ' || g, 'bench' || g || '@example.com', 'bench' || g || '@example.com',
                  '+1555' || lpad(g::text, 7, '0'), now() - interval '1 hour'
             FROM org, generate_series(1, $1::int) g
           RETURNING id, organisation_id, full_name),
         m AS (
           INSERT INTO meta_lead_mappings (organisation_id, meta_lead_id, legeai_lead_id, source, meta_created_time)
           SELECT organisation_id, (114000000000000 + substring(full_name from 7)::bigint)::text, id, 'webhook', now() - interval '1 hour'
             FROM l)
         SELECT id FROM l`,
        [changes],
      );
      return rows.rows.map((r) => r.id);
    });

    const seq = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    const burstMs = await statusBurst(product.url, auth, leadIds, 'qualified', CONCURRENCY);
    const lastChange = new Date();

    const deadline = Date.now() + 600_000;
    let done: { accepted: number; other: number; last: Date | null };
    for (;;) {
      done = await withClient(product.databaseUrl, async (c) => {
        const r = await c.query<{ accepted: number; other: number; last: Date | null }>(
          `SELECT count(*) FILTER (WHERE state = 'accepted')::int AS accepted, count(*) FILTER (WHERE state <> 'accepted')::int AS other,
                  max(accepted_at) AS last FROM meta_capi_events WHERE lead_status = 'qualified'`,
        );
        return r.rows[0];
      });
      if (done.accepted >= changes) break;
      if (Date.now() > deadline) throw new Error(`only ${done.accepted} of ${changes} events accepted after 10 minutes`);
      await sleep(200);
    }
    const calls = sandbox.control.calls({ sinceSeq: seq, limit: 1_000_000 }).filter((c) => c.path.endsWith(`/${DEMO_DATASET_ID}/events`));
    // The connect's reconciliation stores the sandbox's recent leads too: their "Lead" events are not the burst's.
    const received = sandbox.control.conversions.events({
      datasetId: DEMO_DATASET_ID,
      testEventCode: 'TEST_BENCH',
      eventName: 'Qualified Lead',
    }).length;
    const floor = Math.ceil(changes / PER_REQUEST);
    // One accepted request marks its events in one statement, so they share its accepted_at.
    const batches = await withClient(
      product.databaseUrl,
      async (c) =>
        (
          await c.query<{ at: Date; events: number }>(
            `SELECT accepted_at AS at, count(*)::int AS events FROM meta_capi_events WHERE lead_status = 'qualified' GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
    );
    const lagMs = done.last!.getTime() - lastChange.getTime();

    // The sender alone: as many events due at once (failed "quoted" events of the same leads, replayed in one call),
    // the way a burst faster than the batch window leaves them.
    await withClient(product.databaseUrl, (c) =>
      c.query(
        `INSERT INTO meta_capi_events (organisation_id, lead_id, meta_lead_id, dataset_id, lead_status, event_name, event_id, changed_at, event_time, state)
         SELECT organisation_id, lead_id, meta_lead_id, dataset_id, 'quoted', 'Quoted', meta_lead_id || ':quoted', now(), now(), 'failed'
           FROM meta_capi_events WHERE lead_status = 'qualified'`,
      ),
    );
    const seq2 = Math.max(0, ...sandbox.control.calls({ limit: 1_000_000 }).map((c) => c.seq));
    const replayStarted = new Date();
    const replay = await fetch(`${product.url}/v1/integrations/meta/conversions/events/replay`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    if (replay.status !== 202) throw new Error(`conversions/events/replay → ${replay.status} ${await replay.text()}`);
    let replayed: { accepted: number; last: Date | null };
    for (;;) {
      replayed = await withClient(product.databaseUrl, async (c) => {
        const r = await c.query<{ accepted: number; last: Date | null }>(
          `SELECT count(*)::int AS accepted, max(accepted_at) AS last FROM meta_capi_events WHERE lead_status = 'quoted' AND state = 'accepted'`,
        );
        return r.rows[0];
      });
      if (replayed.accepted >= changes) break;
      if (Date.now() > deadline) throw new Error(`only ${replayed.accepted} of ${changes} replayed events accepted`);
      await sleep(200);
    }
    const calls2 = sandbox.control.calls({ sinceSeq: seq2, limit: 1_000_000 }).filter((c) => c.path.endsWith(`/${DEMO_DATASET_ID}/events`));
    const replayMs = replayed.last!.getTime() - replayStarted.getTime();
    return [
      {
        name: NAME,
        target,
        comparisons: [
          { label: 'Graph requests (API burst)', unit: '', baseline: floor, product: calls.length, ratio: floor / calls.length },
          { label: 'Graph requests (all due at once)', unit: '', baseline: floor, product: calls2.length, ratio: floor / calls2.length },
        ],
        pass: calls.length <= REQUESTS_TARGET * floor && done.accepted === changes && received === changes,
        notes: [
          `${changes} status changes through the API, ${CONCURRENCY} at a time, in ${(burstMs / 1000).toFixed(1)} s (${Math.round(changes / (burstMs / 1000))} changes/s)`,
          `Graph requests to /${DEMO_DATASET_ID}/events: ${calls.length} (floor ⌈${changes} / ${PER_REQUEST}⌉ = ${floor}); the sandbox received ${received} events, ${done.accepted} accepted, ${done.other} not`,
          `time from the last change's answer to the last acceptance: ${(lagMs / 1000).toFixed(2)} s (includes the quiet time that ends a batch: 1 to 3 batch windows, META_CAPI_BATCH_WINDOW_MS)`,
          `refused or failed requests: ${refusals(calls)}`,
          `events per accepted request, in order (the last ${batches.filter((b) => b.at > lastChange).length} after the last change): ${batches.map((b) => b.events).join(', ')}`,
          `${changes} events due at once (replayed in one call): ${calls2.length} Graph requests, all accepted ${(replayMs / 1000).toFixed(2)} s after the replay`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await sandbox.close();
  }
}
