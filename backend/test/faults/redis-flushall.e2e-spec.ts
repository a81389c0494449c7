/**
 * Fault: the queue's Redis loses everything (FLUSHALL) while 300 lead jobs wait: the jobs, and the job schedules
 * (the inbox relay's among them). The inbox still has the deliveries as `enqueued`. Every instance declares the
 * lost schedules again within seconds, and the relay's check queues the lost jobs again from the inbox, so every
 * lead is stored well before the 15-minute reconciliation would have (it is set a year away here, so only the
 * relay can heal), and every inbox row ends `processed`. Runs the built server:
 * `npm run build:libs && npm run build:backend`.
 */
import { FaultTopology, waitFor } from '../utils/fault-topology';
import { describeWithRedisServer } from '../utils/test-services';

jest.setTimeout(240_000);

const LEADS = 300;

describeWithRedisServer('Fault: Redis flushed with lead jobs waiting', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({ workers: 1 });
  });
  afterAll(async () => {
    await top?.close();
  });

  it('queues the lost jobs again from the inbox and stores every lead exactly once, without the reconciliation', async () => {
    const t = top!;
    // The jobs wait: the queue is paused while Meta delivers.
    await t.queue.pause();
    const ids = t.createLeads(LEADS).map((lead) => lead.id);
    const deliveries = await t.sandbox.control.flushWebhooks();
    expect(deliveries.filter((d) => d.httpStatus !== 200).map((d) => d.outcome)).toEqual([]);
    expect(new Set(t.acknowledgedLeadIds())).toEqual(new Set(ids));
    await waitFor(
      'every delivery to be enqueued with its jobs',
      async () => {
        const [{ received, jobs }] = await t.db.query(
          `SELECT count(*) FILTER (WHERE status = 'received')::int AS received, coalesce(sum(job_count), 0)::int AS jobs FROM meta_webhook_inbox`,
        );
        const waiting = await t.leadJobsToRun();
        return received === 0 && jobs === LEADS && waiting === LEADS
          ? true
          : `${received} received, ${jobs} jobs recorded, ${waiting} waiting`;
      },
      60_000,
    );
    expect(await t.storedCounts(ids)).toEqual([]);

    const redis = t.redis.client();
    try {
      await redis.flushall();
    } finally {
      redis.disconnect();
    }
    expect(await t.leadJobsToRun()).toBe(0);

    try {
      await t.waitAllStored(ids, 150_000);
      await waitFor(
        'every inbox row to be processed',
        async () => {
          const rows = (await t.db.query(`SELECT status::text, count(*)::int AS n FROM meta_webhook_inbox GROUP BY status`)) as {
            status: string;
            n: number;
          }[];
          return rows.length === 1 && rows[0].status === 'processed' ? true : JSON.stringify(rows);
        },
        60_000,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);
    const output = t.outputs();
    expect(output).toContain('Job schedules were missing from the queue backend');
    expect(output).toContain('queued the lost jobs again');
    // Nothing came from a reconciliation sweep: every lead arrived by its webhook's job.
    const [{ backfilled }] = await t.db.query(
      `SELECT count(*)::int AS backfilled FROM meta_lead_mappings WHERE organisation_id = $1 AND source <> 'webhook'`,
      [t.organisationId],
    );
    expect(backfilled).toBe(0);
  });
});
