import { existsSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sleep } from './lib/processes';
import { statusBurst } from './lib/status-burst';
import { BENCH_ADMIN, REPO_ROOT, startProduct, type RunningProduct } from './lib/product';
import { BenchResult } from './lib/report';
import { withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'Outgoing webhooks';
/** Lead changes in flight at once through the API, as in the Conversions API benchmark. */
const API_CONCURRENCY = 8;
/** The product's deliveries in flight to one endpoint (OUTGOING_WEBHOOKS_CONCURRENCY's default); the ceiling loop uses as many. */
const IN_FLIGHT = 8;
const TARGET_SHARE = 0.1;

const built = () =>
  existsSync(join(REPO_ROOT, 'backend', 'dist', 'modules', 'outgoing-webhooks', 'delivery', 'webhook-delivery.service.js'));

/** A receiver that answers 204 at once and notes, per event id, how often and when it arrived. */
class Receiver {
  readonly arrivals = new Map<string, number[]>();
  /** Event creation time → arrival, per first arrival. */
  readonly latencies: number[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const now = Date.now();
        const id = req.headers['legeai-event-id'];
        if (typeof id === 'string') {
          const seen = this.arrivals.get(id) ?? [];
          if (seen.length === 0) {
            const createdAt = Date.parse((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { createdAt: string }).createdAt);
            this.latencies.push(now - createdAt);
          }
          seen.push(now);
          this.arrivals.set(id, seen);
        }
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.arrivals.clear();
    this.latencies.length = 0;
  }

  get delivered(): number {
    return this.arrivals.size;
  }

  get duplicates(): number {
    let n = 0;
    for (const seen of this.arrivals.values()) n += seen.length - 1;
    return n;
  }

  lastArrival(): number {
    let last = 0;
    for (const seen of this.arrivals.values()) last = Math.max(last, seen[0]);
    return last;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's own ceiling: a plain loop of POSTs from this process, as many in flight as the product sends. */
async function ceiling(url: string, count: number, body: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  let next = 0;
  const started = Date.now();
  const lane = async () => {
    while (next < count) {
      const n = next++;
      await new Promise<void>((resolve, reject) => {
        const req = request(
          `${url}/ceiling`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'legeai-event-id': `ceiling-${n}` } },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  agent.destroy();
  return count / ((Date.now() - started) / 1000);
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

/**
 * 10,000 lead events to one local receiver. First the receiver's own ceiling (a plain loop of 10,000 POSTs of a body
 * the size of a lead event, 8 in flight, in this process). Then the product: 2,000 leads (made in the database) move
 * to contacted through the API, 8 at a time; each change writes its webhook event and delivery in its transaction
 * and queues the endpoint's send after commit. Reported: deliveries per second and the p95 from each event's
 * creation (the change's time) to its arrival during that burst (bounded by how fast the API makes events). Then the
 * sender alone: 10,000 deliveries due at once (the burst's and copies of its events with ids of their own, the
 * endpoint's send queued by enabling it), as a rate against the ceiling. Every event must arrive, and exactly once.
 */
export async function run(settings: BenchSettings): Promise<BenchResult[]> {
  const target = `sender alone ≥ ${TARGET_SHARE * 100} % of the receiver's ceiling; every event delivered, none twice`;
  if (!built()) return [{ name: NAME, target, comparisons: [], pass: null, notes: ['pending: outgoing-webhooks is not in the build'] }];
  const events = settings.quick ? 1_000 : 10_000;
  // Lead changes through the API are the slow part on a small machine: the burst makes a share of the events, the
  // rest are written to the outbox in one statement (copies of the burst's events with ids of their own).
  const changes = settings.quick ? 300 : 2_000;
  const receiver = new Receiver();
  await receiver.start();
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({
      role: 'all',
      logLevel: 'warn',
      env: { OUTGOING_WEBHOOKS_ALLOW_HTTP: 'true', OUTGOING_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' },
    });
    const login = await fetch(`${product.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
    const created = await fetch(`${product.url}/v1/webhooks/endpoints`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ url: `${receiver.url}/hooks`, eventTypes: ['lead.status_changed'], description: 'bench' }),
    });
    if (created.status !== 201) throw new Error(`webhooks/endpoints → ${created.status} ${await created.text()}`);
    const endpoint = (await created.json()) as { id: string };

    const leadIds = await withClient(product.databaseUrl, async (c) => {
      const rows = await c.query<{ id: string }>(
        `INSERT INTO leads (organisation_id, source, full_name, email, email_normalized, phone_e164, received_at)
         SELECT (SELECT id FROM organisations LIMIT 1), 'meta_lead_ads', 'Bench ' || g, 'bench' || g || '@example.com',
                'bench' || g || '@example.com', '+1555' || lpad(g::text, 7, '0'), now() - interval '1 hour'
           FROM generate_series(1, $1::int) g
         RETURNING id`,
        [changes],
      );
      return rows.rows.map((r) => r.id);
    });

    // The receiver's ceiling, with a body the size of the product's (a lead event is about 1.5 kB).
    const ceilingRate = await ceiling(
      receiver.url,
      events,
      JSON.stringify({ id: 'x', createdAt: new Date().toISOString(), pad: 'x'.repeat(1500) }),
    );
    receiver.reset();

    // The API burst.
    const started = Date.now();
    const burstMs = await statusBurst(product.url, auth, leadIds, 'contacted', API_CONCURRENCY);
    const deadline = Date.now() + 600_000;
    while (receiver.delivered < changes) {
      if (Date.now() > deadline) throw new Error(`only ${receiver.delivered} of ${changes} events arrived after 10 minutes`);
      await sleep(100);
    }
    await sleep(1000);
    const burstRate = changes / ((receiver.lastArrival() - started) / 1000);
    const burstP95 = p95(receiver.latencies);
    const burstDuplicates = receiver.duplicates;
    const lagMs = Math.max(0, receiver.lastArrival() - (started + burstMs));

    // The sender alone: `events` deliveries due at once (the burst's, due again, and copies up to `events`), the
    // endpoint's send queued by enabling it.
    receiver.reset();
    await withClient(product.databaseUrl, async (c) => {
      await c.query(
        `WITH src AS (SELECT e.organisation_id, e.type, e.lead_id, e.body, row_number() OVER () AS n FROM outgoing_webhook_events e),
         copies AS (
           SELECT gen_random_uuid() AS id, s.organisation_id, s.type, s.lead_id, s.body
             FROM generate_series(1, $1::int) g JOIN src s ON s.n = 1 + (g - 1) % (SELECT count(*) FROM src)),
         ev AS (
           INSERT INTO outgoing_webhook_events (id, organisation_id, type, lead_id, body)
           SELECT id, organisation_id, type, lead_id, jsonb_set(body::jsonb, '{id}', to_jsonb(id::text))::text FROM copies
           RETURNING id, organisation_id, type)
         INSERT INTO outgoing_webhook_deliveries (organisation_id, endpoint_id, event_id, event_type, next_attempt_at)
         SELECT organisation_id, $2, id, type, now() + interval '1 hour' FROM ev`,
        [events - changes, endpoint.id],
      );
      await c.query(
        `UPDATE outgoing_webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now() WHERE endpoint_id = $1`,
        [endpoint.id],
      );
    });
    const replayStarted = Date.now();
    const enable = await fetch(`${product.url}/v1/webhooks/endpoints/${endpoint.id}/enable`, { method: 'POST', headers: auth, body: '{}' });
    if (enable.status !== 200) throw new Error(`enable → ${enable.status}`);
    while (receiver.delivered < events) {
      if (Date.now() > deadline) throw new Error(`only ${receiver.delivered} of ${events} replayed events arrived`);
      await sleep(50);
    }
    const senderMs = receiver.lastArrival() - replayStarted;
    const senderRate = events / (senderMs / 1000);
    await sleep(1000);
    const senderDuplicates = receiver.duplicates;
    const states = await withClient(product.databaseUrl, async (c) => {
      const r = await c.query<{ delivered: number; other: number }>(
        `SELECT count(*) FILTER (WHERE state = 'delivered')::int AS delivered, count(*) FILTER (WHERE state <> 'delivered')::int AS other
           FROM outgoing_webhook_deliveries WHERE endpoint_id = $1`,
        [endpoint.id],
      );
      return r.rows[0];
    });

    return [
      {
        name: NAME,
        target,
        comparisons: [
          { label: 'deliveries/s (sender)', unit: '/s', baseline: ceilingRate, product: senderRate, ratio: senderRate / ceilingRate },
          { label: 'deliveries/s (API burst)', unit: '/s', baseline: ceilingRate, product: burstRate, ratio: burstRate / ceilingRate },
        ],
        pass:
          senderRate >= TARGET_SHARE * ceilingRate &&
          burstDuplicates === 0 &&
          senderDuplicates === 0 &&
          states.delivered === events &&
          states.other === 0,
        notes: [
          `receiver's ceiling: ${Math.round(ceilingRate)} POSTs/s (a plain loop, ${IN_FLIGHT} in flight, keep-alive, ~1.5 kB bodies)`,
          `API burst: ${changes} status changes, ${API_CONCURRENCY} at a time, in ${(burstMs / 1000).toFixed(1)} s (${Math.round(changes / (burstMs / 1000))} changes/s); ` +
            `all ${changes} events delivered ${(lagMs / 1000).toFixed(2)} s after the last change; p95 event-to-delivery ${burstP95} ms; ${burstDuplicates} duplicates`,
          `sender alone: ${events} deliveries due at once delivered in ${(senderMs / 1000).toFixed(2)} s (${Math.round(senderRate)}/s); ${senderDuplicates} duplicates`,
          `outbox after: ${states.delivered} delivered, ${states.other} not`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await receiver.close();
  }
}
