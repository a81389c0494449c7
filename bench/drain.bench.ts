import { startSandbox } from '@legeai/meta-sandbox';
import type { SandboxOptions } from '@legeai/meta-sandbox';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectMetaThroughDialog } from './lib/connect-meta';
import { startLatencyProxy, type BatchTiming } from './lib/latency-proxy';
import { freePort, sleep } from './lib/processes';
import { BENCH_META_APP, REPO_ROOT, RunningProduct, startProduct } from './lib/product';
import { BenchResult } from './lib/report';
import Redis from 'ioredis';
import type { Client } from 'pg';
import { REDIS_URL, withClient } from './lib/services';
import { BenchSettings } from './lib/settings';

export const NAME = 'End-to-end drain';
/** The same drain with BullMQ on PostgreSQL: what `npm start` runs when no REDIS_URL is set. */
export const NAME_POSTGRES = 'End-to-end drain, queues on PostgreSQL';
const EFFICIENCY = 'Graph efficiency';
const DRAIN_TARGET = 1.25;
const EFFICIENCY_TARGET = 21;
/** Meta's limit of operations in one batch request. */
const META_BATCH_LIMIT = 50;
/** The product's default (LEAD_SYNC_CONCURRENCY), set explicitly; BENCH_LEAD_SYNC_CONCURRENCY tries another. */
const CONCURRENCY = Number(process.env.BENCH_LEAD_SYNC_CONCURRENCY ?? 150);
/**
 * Lead reads the product keeps in flight per Page token: one full batch, whatever the number of jobs (the jobs
 * beyond it store the previous batch while this one travels). This, not the jobs, is the floor's C.
 */
const READS_IN_FLIGHT = 50;

/**
 * The time an ideal client needs: it keeps READS_IN_FLIGHT reads in flight, sent as full batches of 50, and each round
 * trip costs the injected latency; so N leads take ceil(N / per-round) round trips. Webhook delivery, mapping and
 * storing are treated as free.
 */
export function batchingFloorMs(leads: number, concurrency: number, latencyMs: number): number {
  const perRound = concurrency >= META_BATCH_LIMIT ? META_BATCH_LIMIT * Math.floor(concurrency / META_BATCH_LIMIT) : concurrency;
  return Math.ceil(leads / perRound) * latencyMs;
}

/** The lead pipeline has landed when the build has lead capture's queue and its `leadgen` job handler. */
function pipelineBuilt(): boolean {
  const root = join(REPO_ROOT, 'backend', 'dist', 'modules', 'meta-leads');
  return existsSync(join(root, 'meta-leads.jobs.js')) && existsSync(join(root, 'sync', 'leadgen.job-handler.js'));
}

/** The queue the lead jobs run on (backend/src/modules/meta-leads/meta-leads.jobs.ts). */
const LEAD_QUEUE = 'meta-leads';
/** The schema the product's PostgreSQL queue backend keeps its tables in (backend/src/infra/queue/queue-connection.ts). */
const POSTGRES_QUEUE_SCHEMA = 'bullmq';

/** Where the product's queues live in a run: the machine's Redis, or its own database (REDIS_URL empty). */
export type QueueBackend = 'redis' | 'postgres';

function pending(reason: string): BenchResult[] {
  return [
    { name: NAME, target: `≤ ${DRAIN_TARGET}× the batching floor`, comparisons: [], pass: null, notes: [`pending: ${reason}`] },
    {
      name: EFFICIENCY,
      target: `≤ ${EFFICIENCY_TARGET} HTTP requests per 1,000 leads (floor 20)`,
      comparisons: [],
      pass: null,
      notes: [`pending: ${reason}`],
    },
  ];
}

/**
 * Waits until `target` of the leads `ids` (Meta lead ids) are stored; gives up when nothing new was stored for
 * `stallMs`. Only the leads the bench created count: the product's scheduled reconciliation may store other leads
 * of the sandbox's forms meanwhile. The wait itself must cost the machine next to nothing (it shares the cores with
 * what it measures): one connection for the whole wait, and while fewer than `target` leads were stored at all
 * since `since`, a count of the newest rows only; the exact count by id runs once that one says "maybe done".
 */
async function waitForLeads(product: RunningProduct, ids: string[], target: number, stallMs: number, since: Date): Promise<number> {
  return withClient(product.databaseUrl, async (c) => {
    const storedSince = async () =>
      (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM meta_lead_mappings WHERE synced_at >= $1`, [since])).rows[0].n;
    const storedOfIds = async () =>
      (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM meta_lead_mappings WHERE meta_lead_id = ANY($1)`, [ids])).rows[0].n;
    let last = -1;
    let lastChange = Date.now();
    for (;;) {
      let n = await storedSince();
      if (n >= target) {
        n = await storedOfIds();
        if (n >= target) return n;
      }
      if (n !== last) {
        last = n;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > stallMs) {
        return storedOfIds();
      }
      await sleep(250);
    }
  });
}

/**
 * Where the drain's time went, from the product's own records (database clock): how the webhooks arrived, and per
 * lead the wait before its job started, the job's Graph read and its store (medians and p90).
 */
/**
 * The drain seen from the network: per batch call, how long the sandbox took to answer it and how long after its
 * answer reached the product the next batch call arrived (the product's turn-around, which the floor counts as 0).
 */
export function batchCycleNotes(timings: BatchTiming[], latencyMs: number): string[] {
  if (timings.length < 2) return [];
  const pct = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
  const ms = (values: number[]) => `${pct(values, 0.5).toFixed(0)} ms / ${pct(values, 0.9).toFixed(0)} ms`;
  const cycle: number[] = [];
  const turnaround: number[] = [];
  for (let i = 1; i < timings.length; i++) {
    cycle.push(timings[i].arrived - timings[i - 1].arrived);
    if (timings[i - 1].sent) turnaround.push(timings[i].arrived - timings[i - 1].sent);
  }
  const answered = timings.filter((t) => t.answered);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return [
    `batch calls (median / p90): one every ${ms(cycle)} (${latencyMs} ms of it the latency); sandbox answer ${ms(answered.map((t) => t.answered - t.forwarded))}; ` +
      `request body read ${ms(timings.map((t) => t.bodyRead - t.arrived))}; answer sent to next batch arrived ${ms(turnaround)}`,
    `time in batch calls: ${(sum(cycle) / 1000).toFixed(1)} s between the first and the last call's arrival, of which the product's turn-around ${(sum(turnaround.filter((t) => t > 0)) / 1000).toFixed(1)} s`,
  ];
}

/** The two ends of the drain around the batch calls: before the first left, and after the last answered. */
function drainEdgeNotes(timings: BatchTiming[], firstDeliveryMs: number, lastStoredMs: number): string[] {
  if (!timings.length) return [];
  // performance.now() is relative to timeOrigin; the database clock is the same machine's wall clock.
  const wallOf = (t: number) => performance.timeOrigin + t;
  const first = wallOf(timings[0].arrived) - firstDeliveryMs;
  const last = lastStoredMs - wallOf(timings[timings.length - 1].sent);
  return [
    `first batch call left ${first.toFixed(0)} ms after the first delivery was stored; the last lead was stored ${last.toFixed(0)} ms after the last batch call's answer reached the product`,
  ];
}

async function drainBreakdown(product: RunningProduct, since: Date, queues: QueueBackend): Promise<string[]> {
  return withClient(product.databaseUrl, async (c) => {
    const inbox = (
      await c.query<{ n: number; changes: number; span: number }>(
        `SELECT count(*)::int AS n, coalesce(sum(job_count), 0)::int AS changes,
                coalesce(extract(epoch FROM max(received_at) - min(received_at)) * 1000, 0)::float8 AS span
           FROM meta_webhook_inbox WHERE received_at >= $1`,
        [since],
      )
    ).rows[0];
    const steps = (
      await c.query<Record<string, number | null>>(
        `WITH s AS (
           SELECT extract(epoch FROM created_at - received_at) * 1000 AS queued,
                  extract(epoch FROM fetched_at - created_at) * 1000 AS read,
                  extract(epoch FROM stored_at - fetched_at) * 1000 AS store
             FROM meta_lead_syncs WHERE received_at >= $1)
         SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY queued) AS q50, percentile_cont(0.9) WITHIN GROUP (ORDER BY queued) AS q90,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY read) AS r50, percentile_cont(0.9) WITHIN GROUP (ORDER BY read) AS r90,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY store) AS s50, percentile_cont(0.9) WITHIN GROUP (ORDER BY store) AS s90
           FROM s`,
        [since],
      )
    ).rows[0];
    const ms = (v: number | null | undefined) => (v === null || v === undefined ? '?' : `${Math.round(Number(v))} ms`);
    const jobs = await jobOverheads(product, c, since, queues);
    return [
      `webhooks: ${inbox.n} deliveries carrying ${inbox.changes} leads, the last stored ${(inbox.span / 1000).toFixed(1)} s after the first`,
      `per lead (median / p90): queued before its job started ${ms(steps.q50)} / ${ms(steps.q90)}; job start to Graph answer ${ms(steps.r50)} / ${ms(steps.r90)}; Graph answer to stored ${ms(steps.s50)} / ${ms(steps.s90)}`,
      ...(jobs
        ? [
            `job bookkeeping (median / p90 of the last ${jobs.n} jobs kept by the queue): job taken to timeline row ${ms(jobs.before50)} / ${ms(jobs.before90)}; lead stored to job finished ${ms(jobs.after50)} / ${ms(jobs.after90)}`,
          ]
        : []),
    ];
  });
}

/** A completed lead job as the queue keeps it: its lead and when it started and finished (epoch ms). */
interface CompletedJob {
  leadgenId: string;
  processedOn: number;
  finishedOn: number;
}

/** The completed lead jobs the queue still keeps, from Redis or from the queue's tables in the product's database. */
async function completedLeadJobs(product: RunningProduct, c: Client, queues: QueueBackend): Promise<CompletedJob[]> {
  if (queues === 'postgres') {
    const rows = await c.query<{ leadgen_id: string; processed: string; finished: string }>(
      `SELECT data->>'leadgenId' AS leadgen_id, processed_at_ms AS processed, finished_at_ms AS finished
         FROM ${POSTGRES_QUEUE_SCHEMA}.job WHERE queue = $1 AND state = 'completed' AND name = 'leadgen'`,
      [LEAD_QUEUE],
    );
    return rows.rows.map((r) => ({ leadgenId: r.leadgen_id, processedOn: Number(r.processed), finishedOn: Number(r.finished) }));
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const ids = await redis.zrange(`${product.prefix}:${LEAD_QUEUE}:completed`, 0, -1);
    const jobs: CompletedJob[] = [];
    for (const id of ids) {
      const [data, processedOn, finishedOn] = await redis.hmget(
        `${product.prefix}:${LEAD_QUEUE}:${id}`,
        'data',
        'processedOn',
        'finishedOn',
      );
      if (data && processedOn && finishedOn)
        jobs.push({
          leadgenId: (JSON.parse(data) as { leadgenId: string }).leadgenId,
          processedOn: Number(processedOn),
          finishedOn: Number(finishedOn),
        });
    }
    return jobs;
  } finally {
    redis.disconnect();
  }
}

/** From the completed jobs the queue still keeps: the time a job spends before its first write and after its last. */
async function jobOverheads(product: RunningProduct, c: Client, since: Date, queues: QueueBackend) {
  const jobs = (await completedLeadJobs(product, c, queues)).filter((j) => j.leadgenId);
  if (jobs.length === 0) return null;
  const rows = (
    await c.query<{ leadgen_id: string; created: number; stored: number }>(
      `SELECT leadgen_id, extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM stored_at) * 1000 AS stored
         FROM meta_lead_syncs WHERE received_at >= $1 AND leadgen_id = ANY($2)`,
      [since, jobs.map((j) => j.leadgenId)],
    )
  ).rows;
  const byId = new Map(rows.map((r) => [r.leadgen_id, r]));
  const before: number[] = [];
  const after: number[] = [];
  for (const job of jobs) {
    const row = byId.get(job.leadgenId);
    if (!row) continue;
    before.push(Number(row.created) - job.processedOn);
    after.push(job.finishedOn - Number(row.stored));
  }
  if (before.length === 0) return null;
  const pct = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
  return { n: before.length, before50: pct(before, 0.5), before90: pct(before, 0.9), after50: pct(after, 0.5), after90: pct(after, 0.9) };
}

/**
 * N leads created at once in the sandbox (its webhooks on), the product running as one process with API and worker
 * (APP_ROLE=all), Graph behind a proxy adding the latency to every HTTP request. Measured from the first delivery
 * stored in the inbox to the last lead stored, both by the database clock.
 */
export async function run(settings: BenchSettings, queues: QueueBackend = REDIS_URL ? 'redis' : 'postgres'): Promise<BenchResult[]> {
  if (!pipelineBuilt()) return pending('the lead pipeline (leadgen job handler in backend/src/modules/meta-leads) is not in the build yet');

  const leads = settings.drainLeads;
  const latencyMs = settings.graphLatencyMs;
  const port = await freePort();
  const productUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'bench',
    appId: BENCH_META_APP.id,
    appSecret: BENCH_META_APP.secret,
    verifyToken: BENCH_META_APP.verifyToken,
    redirectUris: [`${productUrl}/v1/integrations/meta/callback`],
    webhooks: { duplicateRate: 0, retryTimeScale: 1_000, batchWindowMs: 200 },
    // Budgets out of the way: this measures throughput, not throttling (the fault tests cover that).
    usage: { appCallsPerHour: 1e9, buc: { leadgen: 1e9, pages: 1e9 } } as SandboxOptions['usage'],
  });
  const proxy = await startLatencyProxy(sandbox.url, 0);
  let product: RunningProduct | undefined;
  try {
    product = await startProduct({
      role: 'all',
      logLevel: 'warn',
      port,
      graphUrl: proxy.url,
      // An empty REDIS_URL puts the product's queues in its own database, as `npm start` does without one.
      env: {
        META_DIALOG_URL: sandbox.url,
        LEAD_SYNC_CONCURRENCY: String(CONCURRENCY),
        ...(queues === 'postgres' ? { REDIS_URL: '' } : {}),
      },
    });
    await connectMetaThroughDialog(product.url, sandbox.url);

    const world = sandbox.control.world();
    const form = world.forms.find((f) => f.status === 'ACTIVE') ?? world.forms[0];
    // Warm-up: one lead end to end proves the path (subscription, tokens, pipeline) before timing anything.
    const warmUp = sandbox.control.createLeads({ formId: form.id, count: 1 }).map((lead) => lead.id);
    await sandbox.control.flushWebhooks();
    if ((await waitForLeads(product, warmUp, 1, 30_000, new Date(0))) < 1) {
      throw new Error(`the warm-up lead was not stored within 30 s; product output:\n${product.child.tail()}`);
    }

    proxy.latencyMs = latencyMs;
    proxy.resetCounts();
    const sandboxBefore = sandbox.control.counters().httpRequests;
    const start = await withClient(
      product.databaseUrl,
      async (c) => (await c.query<{ t: Date }>(`SELECT clock_timestamp() AS t`)).rows[0].t,
    );
    const wall = Date.now();
    const created = sandbox.control.createLeads({ formId: form.id, count: leads }).map((lead) => lead.id);
    const stored = await waitForLeads(product, created, leads, 60_000, start);
    const wallMs = Date.now() - wall;
    const sandboxRequests = sandbox.control.counters().httpRequests - sandboxBefore;

    const times = await withClient(
      product.databaseUrl,
      async (c) =>
        (
          await c.query<{ first: Date; last: Date }>(
            `SELECT (SELECT min(received_at) FROM meta_webhook_inbox WHERE received_at >= $1) AS first,
                  (SELECT max(synced_at) FROM meta_lead_mappings WHERE meta_lead_id = ANY($2)) AS last`,
            [start, created],
          )
        ).rows[0],
    );
    const drainMs = new Date(times.last).getTime() - new Date(times.first).getTime();
    if (process.env.BENCH_BATCH_TIMINGS_FILE) writeFileSync(process.env.BENCH_BATCH_TIMINGS_FILE, JSON.stringify(proxy.batchTimings));
    const breakdown = await drainBreakdown(product, start, queues);
    const floorMs = batchingFloorMs(leads, READS_IN_FLIGHT, latencyMs);
    const counts = proxy.counts;
    const fetchRequests = counts.batch + counts.singleLead;
    const perThousand = (fetchRequests * 1000) / leads;
    const complete = stored === leads;
    const fetchNote = `lead-fetch HTTP requests: ${counts.batch} batch calls + ${counts.singleLead} single reads = ${fetchRequests} for ${leads} leads`;
    const common = [
      `${leads} leads created at once on form ${form.id}; ${stored} stored${complete ? '' : ' (INCOMPLETE: stalled for 60 s)'}; wall time from creation ${(wallMs / 1000).toFixed(1)} s`,
      `LEAD_SYNC_CONCURRENCY=${CONCURRENCY} (${READS_IN_FLIGHT} reads in flight), ${latencyMs} ms per Graph HTTP request (proxy), sandbox webhook batch window 200 ms`,
      `queues: BullMQ on ${queues === 'redis' ? 'Redis' : "PostgreSQL, in the product's database"}`,
    ];
    const drainResult: BenchResult = {
      name: queues === 'redis' ? NAME : NAME_POSTGRES,
      target: `≤ ${DRAIN_TARGET}× the batching floor`,
      comparisons: [{ label: 'drain time', unit: 's', baseline: floorMs / 1000, product: drainMs / 1000, ratio: floorMs / drainMs }],
      pass: complete && drainMs <= DRAIN_TARGET * floorMs,
      notes: [
        ...common,
        `floor = ceil(${leads} / ${Math.min(READS_IN_FLIGHT, META_BATCH_LIMIT) * Math.max(1, Math.floor(READS_IN_FLIGHT / META_BATCH_LIMIT))}) × ${latencyMs} ms = ${(floorMs / 1000).toFixed(1)} s; measured ${(drainMs / floorMs).toFixed(2)}× the floor`,
        ...breakdown,
        ...batchCycleNotes(proxy.batchTimings, latencyMs),
        ...drainEdgeNotes(proxy.batchTimings, new Date(times.first).getTime(), new Date(times.last).getTime()),
        ...(queues === 'postgres' ? [fetchNote] : []),
      ],
    };
    // Graph efficiency does not depend on where the queues are: reported once, from the Redis run.
    if (queues === 'postgres') return [drainResult];
    return [
      drainResult,
      {
        name: EFFICIENCY,
        target: `≤ ${EFFICIENCY_TARGET} HTTP requests per 1,000 leads (floor 20)`,
        comparisons: [{ label: 'requests / 1k leads', unit: '', baseline: 20, product: perThousand, ratio: 20 / perThousand }],
        pass: complete && perThousand <= EFFICIENCY_TARGET,
        notes: [
          ...common,
          fetchNote,
          `other Graph requests during the drain: ${counts.other}${counts.other ? ` ${JSON.stringify(counts.otherPaths)}` : ''}; sandbox HTTP counter over the same window: ${sandboxRequests}`,
        ],
      },
    ];
  } finally {
    await product?.stop();
    await proxy.close();
    await sandbox.close();
  }
}
