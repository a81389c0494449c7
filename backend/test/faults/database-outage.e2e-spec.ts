/**
 * Fault: PostgreSQL goes away (a TCP proxy between the processes and the machine's PostgreSQL is cut) and comes back.
 * While it is away nothing can be committed, so nothing may be acknowledged: webhook deliveries get a 503 with
 * Retry-After (Meta retries them), the API a 503 envelope, and /health names the database as down while the queue
 * is up. Once it is back, the retried deliveries are stored and every acknowledged lead exists exactly once.
 * Runs the built server: `npm run build:libs && npm run build:backend`.
 */
import { createHash } from 'node:crypto';
import { ErrorCode } from '@legeai/contracts';
import { FaultTopology, signature, waitFor } from '../utils/fault-topology';
import { leadgenDelivery } from '../utils/leadgen-delivery';
import type { ProductProcess } from '../utils/product-process';

jest.setTimeout(150_000);

describe('Fault: PostgreSQL unreachable, then back', () => {
  let top: FaultTopology | undefined;

  beforeAll(async () => {
    top = await FaultTopology.start({ workers: 1, databaseProxy: true });
  });
  afterAll(async () => {
    await top?.close();
  });

  const post = (api: ProductProcess, body: string) =>
    fetch(`${api.url}/v1/integrations/meta/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature(body) },
      body,
    });

  const expectUnavailable = async (res: Response) => {
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ status: 503, code: ErrorCode.ServiceUnavailable, requestId: expect.any(String) });
    return body;
  };

  const inboxRows = async (body: string) => {
    const sha = createHash('sha256').update(body).digest('hex');
    const [{ n }] = await top!.db.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox WHERE body_sha256 = $1`, [sha]);
    return n as number;
  };

  it('answers 503 with Retry-After while the database is away, acknowledges nothing it did not store, and recovers', async () => {
    const t = top!;
    const proxy = t.databaseProxy!;
    // The test is Meta here: it announces the sandbox's leads itself, so it knows which delivery went when.
    t.sandbox.control.setWebhooks({ enabled: false });
    const before = t.createLeads(5);
    const during = t.createLeads(5);
    const after = t.createLeads(5);
    const ids = [...before, ...during, ...after].map((lead) => lead.id);
    const duringBody = leadgenDelivery(during);

    expect((await post(t.api, leadgenDelivery(before))).status).toBe(200);
    await t.waitAllStored(before.map((lead) => lead.id));

    await proxy.cut();
    try {
      // Meta's delivery: not stored, so not acknowledged.
      await expectUnavailable(await post(t.api, duringBody));
      expect(await inboxRows(duringBody)).toBe(0);

      // The API: the access check itself needs the database.
      await expectUnavailable(await fetch(`${t.api.url}/v1/leads`, { headers: { Authorization: `Bearer ${t.accessToken}` } }));

      // /health on both roles: the database is named as down, the queue (Redis) as up.
      for (const process of [t.api, t.workers[0]]) {
        const health = await expectUnavailable(await fetch(`${process.url}/health`));
        expect(health.error).toMatchObject({
          message: 'Down: database',
          details: { database: { status: 'down' }, queue: { status: 'up', backend: 'redis' } },
        });
      }
    } finally {
      await proxy.restore();
    }

    await waitFor(
      'the api to see the database again',
      async () => ((await fetch(`${t.api.url}/health`)).status === 200 ? true : 'still down'),
      30_000,
    );
    // Meta retries the delivery it got no 2xx for; the next one is new.
    expect((await post(t.api, duringBody)).status).toBe(200);
    expect(await inboxRows(duringBody)).toBe(1);
    expect((await post(t.api, leadgenDelivery(after))).status).toBe(200);
    const listed = await fetch(`${t.api.url}/v1/leads?limit=1`, { headers: { Authorization: `Bearer ${t.accessToken}` } });
    expect(listed.status).toBe(200);

    try {
      await t.waitAllStored(ids, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${t.outputs()}`, { cause: error });
    }
    expect(await t.exactlyOnceProblems(ids)).toEqual([]);
    expect(t.apis.every((p) => p.alive) && t.workers.every((p) => p.alive)).toBe(true);
  });
});
