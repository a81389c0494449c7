/**
 * Fault: the same leads arrive many times over, at two api processes at once: the sandbox sends half its
 * deliveries twice, and the test replays the burst as raw signed deliveries (one body carrying several entries and
 * changes, sent 3 times and as 20 concurrent copies) while the first copies are still being worked on. Tampered
 * and unsigned bodies are refused and leave nothing behind. Every lead is stored exactly once.
 * Runs the built server: `npm run build:libs && npm run build:backend`.
 */
import { FaultTopology, signature } from '../utils/fault-topology';
import { leadgenDelivery } from '../utils/leadgen-delivery';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(150_000);

const SPANISH_FORM = '555000000000201'; // on a second Page, so one delivery carries two entries
const FAKE_LEAD = '1149999999999999';

describe('Fault: duplicate, concurrent and tampered deliveries across two api processes', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({ apis: 2, workers: 2 });
  });
  afterAll(async () => {
    await top?.close();
  });

  it('stores every lead exactly once however often and wherever it is delivered, and refuses tampered bodies', async () => {
    const t = top!;
    const [api1, api2] = t.apis;
    // Small deliveries, so the sandbox's 50 % duplicate rate has many to pick from.
    t.sandbox.control.setWebhooks({ maxBatchSize: 5 });
    t.sandbox.control.setFaults({ latencyMs: 5, webhooks: { duplicateRate: 0.5 } });
    const leads = [...t.createLeads(60), ...t.createLeads(40, SPANISH_FORM)];
    const ids = leads.map((lead) => lead.id);
    expect(new Set(leads.map((lead) => lead.page_id)).size).toBe(2);

    // One body with an entry per Page, each with many leadgen changes plus a change of another field.
    const multi = (time: number) => {
      const parsed = JSON.parse(leadgenDelivery(leads, time)) as { entry: { changes: unknown[] }[] };
      for (const entry of parsed.entry) entry.changes.push({ field: 'feed', value: { item: 'status', verb: 'add' } });
      return JSON.stringify(parsed);
    };
    const body = multi(1764400000);
    expect(JSON.parse(body).entry).toHaveLength(2);

    const sandboxDeliveries = t.sandbox.control.flushWebhooks();
    const thrice: number[] = [];
    for (const api of [api1, api2, api1]) thrice.push(await t.deliver(body, api));
    // Copies Meta timed differently are different bodies: each passes the inbox and reaches the queue and the store.
    const timed = Array.from({ length: 20 }, (_, i) => multi(1764400001 + i));
    const copies = await Promise.all(timed.map((copy, i) => t.deliver(copy, i % 2 ? api2 : api1)));
    expect(thrice).toEqual([200, 200, 200]);
    expect(copies).toEqual(Array(20).fill(200));

    // The sandbox sent some deliveries twice, and our webhook acknowledged every one.
    const log = await sandboxDeliveries;
    expect(log.filter((d) => d.httpStatus !== 200).map((d) => d.outcome)).toEqual([]);
    expect(log.filter((d) => d.outcome === 'duplicate').length).toBeGreaterThan(0);
    expect(new Set(t.acknowledgedLeadIds())).toEqual(new Set(ids));

    // A body changed after signing, a body signed with another secret, and an unsigned body: refused, nothing kept.
    const forged = body.replace(leads[0].id, FAKE_LEAD);
    const refused = [
      await fetch(`${api2.url}/v1/integrations/meta/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature(body) },
        body: forged,
      }),
      await fetch(`${api1.url}/v1/integrations/meta/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': `sha256=${'0'.repeat(64)}` },
        body: forged,
      }),
      await fetch(`${api1.url}/v1/integrations/meta/webhook`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: forged,
      }),
    ];
    for (const res of refused) expect([401, 403]).toContain(res.status);

    try {
      await t.waitAllStored(ids, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);
    expect(await t.storedCounts([FAKE_LEAD])).toEqual([]);
    const [{ forgedRows }] = await t.db.query(
      `SELECT count(*)::int AS "forgedRows" FROM meta_webhook_inbox WHERE position($1 in convert_from(raw_body, 'UTF8')) > 0`,
      [FAKE_LEAD],
    );
    expect(forgedRows).toBe(0);
    // The 3 identical copies are one inbox row (deduplicated by body hash), the 20 timed ones a row each; their
    // `feed` changes were acknowledged and recorded as ignored, not errored.
    // The dispatch records them right after queueing the jobs; on a busy machine a job can store its lead first.
    const dispatched = async () => {
      const found = await t.db.query(`SELECT status, ignored_changes FROM meta_webhook_inbox WHERE raw_body = ANY($1::bytea[])`, [
        [body, ...timed].map((b) => Buffer.from(b)),
      ]);
      return found.length === 21 && found.every((row: { status: string }) => row.status !== 'received') ? found : null;
    };
    const rows = await waitFor('every delivery dispatched', dispatched, 30_000);
    expect(rows).toHaveLength(21);
    for (const row of rows) expect(row.ignored_changes.filter((c: { field: string }) => c.field === 'feed')).toHaveLength(2);
  });
});
