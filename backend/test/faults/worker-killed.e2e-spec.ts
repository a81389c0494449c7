/**
 * Fault: a worker process is SIGKILLed while lead jobs are running (Graph calls are slowed so jobs are in flight;
 * the sandbox adds the latency to every operation of a batch call, so 40 ms makes a batch of 50 take about 2 s).
 * A new worker takes the dead worker's jobs up through BullMQ's stalled-job check, and every lead the sandbox
 * created and delivered is stored exactly once, and the new worker logs which jobs it recovered as stalled. Runs the
 * built server: `npm run build:libs && npm run build:backend`.
 */
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads/meta-leads.jobs';
import { FaultTopology, waitFor } from '../utils/fault-topology';
import type { ProductProcess } from '../utils/product-process';

jest.setTimeout(120_000);

describe('Fault: a worker killed in the middle of lead jobs', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({ workers: 1 });
  });
  afterAll(async () => {
    await top?.close();
  });

  it('re-runs the jobs the dead worker held and stores every delivered lead exactly once', async () => {
    const t = top!;
    t.sandbox.control.setFaults({ latencyMs: 40 });
    const leads = t.createLeads(200);
    const ids = leads.map((lead) => lead.id);

    // Kill the worker only once jobs are really running in it.
    let active: string[] = [];
    await waitFor(
      'lead jobs to be active',
      async () => {
        active = (await t.queue.getActive()).map((job) => job.id!);
        return active.length > 0 ? true : `${active.length} active`;
      },
      30_000,
    );
    const [victim] = t.workers;
    await victim.kill('SIGKILL');
    expect(victim.alive).toBe(false);
    const storedAtKill = (await t.storedCounts(ids)).length;
    expect(storedAtKill).toBeLessThan(ids.length);
    // Jobs the dead worker took stay `active` (their locks still held) until a stalled check finds them.
    expect(await t.queue.getActiveCount()).toBeGreaterThan(0);

    // Every lead is announced and acknowledged, whatever happens to the workers.
    const deliveries = await t.sandbox.control.flushWebhooks();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.filter((d) => d.httpStatus !== 200).map((d) => d.outcome)).toEqual([]);
    expect(new Set(t.acknowledgedLeadIds())).toEqual(new Set(ids));

    const successor = await t.startWorker();
    try {
      await t.waitAllStored(ids, 90_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);

    // The jobs active at the kill were moved back by the stalled-job check and completed by the new worker.
    const retaken = await Promise.all(active.map((id) => t.queue.getJob(id)));
    expect(retaken.every((job) => job && job.finishedOn && !job.failedReason)).toBe(true);
    const stalled = retaken.filter((job) => (job?.stalledCounter ?? 0) > 0).map((job) => job!.id!);
    expect(stalled.length).toBeGreaterThan(0);
    // The worker that took them up says so: which jobs of which queue it recovered as stalled.
    const lines = recoveredStalledLines(successor);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.reduce((n, line) => n + line.count, 0)).toBeGreaterThanOrEqual(stalled.length);
    const named = new Set(lines.flatMap((line) => line.jobIds));
    // A line names up to 100 jobs (and counts them all). The jobs recovered are all those the dead worker held, more
    // than were active when the test looked (up to the worker's concurrency): every one is named only when no line
    // counted more than 100.
    if (lines.every((line) => line.count <= 100)) expect(stalled.filter((id) => !named.has(id))).toEqual([]);
    else expect(stalled.some((id) => named.has(id))).toBe(true);
    const timeline = await t.db.query(
      `SELECT state, count(*)::int AS n FROM meta_lead_syncs WHERE organisation_id = $1 AND leadgen_id = ANY($2) GROUP BY state`,
      [t.organisationId, ids],
    );
    expect(timeline).toEqual([{ state: 'stored', n: ids.length }]);
  });
});

/** The worker's JSON log lines about stalled lead jobs it recovered. */
function recoveredStalledLines(worker: ProductProcess): { queue: string; count: number; jobIds: string[] }[] {
  return worker
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as { msg?: string; queue?: string; count: number; jobIds: string[] }];
      } catch {
        return [];
      }
    })
    .filter((line) => line.msg?.startsWith('Recovered') && line.queue === META_LEADS_QUEUE_NAME) as {
    queue: string;
    count: number;
    jobIds: string[];
  }[];
}
