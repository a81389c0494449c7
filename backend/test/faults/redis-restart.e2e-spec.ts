/**
 * Fault: the queue's Redis (the test's own, with an append-only file) is stopped in the middle of a burst of
 * deliveries and started again on the same port. Signed deliveries keep getting a 200 (the inbox is written first),
 * the relay queues what could not be enqueued, workers reconnect, every acknowledged lead is stored exactly once,
 * and every inbox row ends `processed`. Runs the built server: `npm run build:libs && npm run build:backend`.
 */
import { FaultTopology, waitFor } from '../utils/fault-topology';
import { leadgenDelivery } from '../utils/leadgen-delivery';
import { describeWithRedisServer } from '../utils/test-services';

jest.setTimeout(240_000);

const LEADS_PER_DELIVERY = 5;

describeWithRedisServer('Fault: Redis restarted during a burst of deliveries', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({ workers: 1, persistentRedis: true });
  });
  afterAll(async () => {
    await top?.close();
  });

  it('acknowledges every signed delivery while Redis is down and stores every acknowledged lead exactly once', async () => {
    const t = top!;
    // The test is Meta here: it announces the sandbox's leads itself, so it knows which delivery went when.
    t.sandbox.control.setWebhooks({ enabled: false });
    t.sandbox.control.setFaults({ latencyMs: 20 });
    const deliveriesOf = (count: number) => {
      const leads = t.createLeads(count * LEADS_PER_DELIVERY);
      return Array.from({ length: count }, (_, i) => leads.slice(i * LEADS_PER_DELIVERY, (i + 1) * LEADS_PER_DELIVERY));
    };
    const before = deliveriesOf(10);
    const during = deliveriesOf(10);
    const after = deliveriesOf(10);
    const ids = [...before, ...during, ...after].flat().map((lead) => lead.id);
    expect(t.sandbox.control.deliveries()).toEqual([]);
    const send = (batches: typeof before) => Promise.all(batches.map((leads) => t.deliver(leadgenDelivery(leads))));

    // Redis goes away while the first part of the burst is being worked on.
    expect(await send(before)).toEqual(before.map(() => 200));
    await waitFor('lead jobs to be active', async () => ((await t.queue.getActiveCount()) > 0 ? true : 'none active'), 30_000);
    await t.redis.stop('SIGTERM');

    expect(await send(during)).toEqual(during.map(() => 200));
    // Those deliveries are stored. The first enqueue attempt fails (it waits out the queue timeout), and the rest
    // of the api's backlog is left to the relay without trying.
    await waitFor(
      'an enqueue attempt to fail',
      async () => {
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM meta_webhook_inbox WHERE status = 'received' AND last_error IS NOT NULL`,
        );
        return n > 0 ? true : 'no failed enqueue yet';
      },
      30_000,
    );
    const [{ received }] = await t.db.query(`SELECT count(*)::int AS received FROM meta_webhook_inbox WHERE status = 'received'`);
    expect(received).toBeGreaterThanOrEqual(during.length);

    await t.redis.start();
    expect(await send(after)).toEqual(after.map(() => 200));

    try {
      await waitFor(
        'the relay to queue every stored delivery',
        async () => {
          const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox WHERE status = 'received'`);
          return n === 0 ? true : `${n} still received`;
        },
        75_000,
      );
      await t.waitAllStored(ids, 60_000);
      // And every delivery ends matching its leads: none stays `enqueued` once they are stored (the relay's check
      // closes those whose jobs finished while the row still waited for its enqueue to be recorded).
      await waitFor(
        'every inbox row to be processed',
        async () => {
          const rows = (await t.db.query(`SELECT status::text, count(*)::int AS n FROM meta_webhook_inbox GROUP BY status`)) as {
            status: string;
            n: number;
          }[];
          return rows.length === 1 && rows[0].status === 'processed' ? true : JSON.stringify(rows);
        },
        90_000,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);
    expect(t.apis.every((p) => p.alive) && t.workers.every((p) => p.alive)).toBe(true);
  });
});
