import { getQueueToken } from '@nestjs/bullmq';
import { startSandbox } from '@legeai/meta-sandbox';
import type { RunningSandbox } from '@legeai/meta-sandbox';
import type { Queue } from 'bullmq';
import { createHash, createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { APP_SCHEDULES } from '../../src/app.schedules';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { META_WEBHOOK_QUEUE_NAME } from '../../src/modules/meta-webhook';
import { LeadgenJobData, leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { WebhookAfterAck } from '../../src/modules/meta-webhook/ingest/webhook-after-ack.service';
import { ADD_BULK_CHUNK } from '../../src/modules/meta-webhook/ingest/webhook-dispatch.service';
import { WebhookInboxRelayService } from '../../src/modules/meta-webhook/relay/webhook-inbox-relay.service';
import { insertConnectedPages } from '../utils/connected-pages';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { OwnRedis } from '../utils/own-redis';
import { describeWithRedisServer } from '../utils/test-services';

const URL_PATH = '/v1/integrations/meta/webhook';
const SECRET = 'webhook-e2e-app-secret';
const VERIFY_TOKEN = 'webhook-e2e-verify-token';
const ENV = { META_APP_SECRET: SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN };

const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const sha256 = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

let counter = 0;
/** A fresh numeric leadgen id per call, so tests sharing the database never collide. */
const nextLeadId = () => `9${Date.now()}${String(++counter).padStart(3, '0')}`;

const leadgen = (leadgenId: string, pageId: string, extra: Record<string, unknown> = {}) => ({
  field: 'leadgen',
  value: {
    leadgen_id: leadgenId,
    page_id: pageId,
    form_id: '555000',
    adgroup_id: '666000',
    ad_id: '666000',
    created_time: 1764399990,
    ...extra,
  },
});
const delivery = (...entries: { id: string; changes: unknown[] }[]) =>
  JSON.stringify({ object: 'page', entry: entries.map((entry) => ({ time: 1764400000, ...entry })) });

interface InboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  job_count: number | null;
  ignored_changes: { reason: string; field: string | null; pageId: string | null }[];
}

const inboxRows = (t: TestApp, body: string | Buffer): Promise<InboxRow[]> =>
  t.dataSource.query(`SELECT * FROM meta_webhook_inbox WHERE body_sha256 = $1`, [sha256(body)]);

const inboxCount = async (t: TestApp): Promise<number> =>
  Number(((await t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox`)) as { n: number }[])[0].n);

/** The lead jobs are queued right after the answer; this waits for that work of every delivery answered so far. */
const afterAnswers = (t: TestApp): Promise<void> => t.app.get(WebhookAfterAck).idle();

/** Every job in the queue carrying this lead, whatever its state. */
async function jobsFor(queue: Queue, leadgenId: string) {
  const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized']);
  return jobs.filter((job) => (job.data as LeadgenJobData).leadgenId === leadgenId);
}

describe('Meta webhook POST (e2e)', () => {
  let t: TestApp;
  let queue: Queue;
  /** `signature: null` sends no signature header. */
  const post = (body: string | Buffer, signature: string | null = sign(body)) => {
    const req = t.http.post(URL_PATH).set('Content-Type', 'application/json');
    if (signature !== null) req.set('X-Hub-Signature-256', signature);
    return req.send(body);
  };

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
    queue = t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    await insertConnectedPages(t.dataSource, 'Webhook Test Agency', ['100', '200']);
  });
  afterAll(() => t?.close());

  it('stores a signed delivery and enqueues its lead with the deterministic job id', async () => {
    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const res = await post(body).expect(200);
    expect(res.body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);

    const [row] = await inboxRows(t, body);
    expect(row).toMatchObject({ status: 'enqueued', attempts: 1, job_count: 1, last_error: null, ignored_changes: [] });
    const stored = (await t.dataSource.query(`SELECT raw_body, signature, received_at FROM meta_webhook_inbox WHERE id = $1`, [
      row.id,
    ])) as {
      raw_body: Buffer;
      signature: string;
      received_at: Date;
    }[];
    expect(stored[0].raw_body.toString()).toBe(body);
    expect(stored[0].signature).toBe(sign(body));

    const job = await queue.getJob(leadgenJobId('100', id));
    expect(job?.name).toBe('leadgen');
    expect(job?.data).toEqual({
      leadgenId: id,
      pageId: '100',
      formId: '555000',
      adId: '666000',
      adgroupId: '666000',
      createdTime: 1764399990,
      inboxId: row.id,
      receivedAt: new Date(stored[0].received_at).toISOString(),
    });
  });

  it('recognises the same delivery sent three times: one row, one job', async () => {
    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(((await post(body).expect(200)).body as { outcome: string }).outcome);
    expect(outcomes).toEqual(['accepted', 'duplicate', 'duplicate']);
    await afterAnswers(t);
    expect(await inboxRows(t, body)).toHaveLength(1);
    expect(await jobsFor(queue, id)).toHaveLength(1);
  });

  it('answers 20 concurrent copies with 200, stores one row and enqueues one job', async () => {
    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(body)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const outcomes = responses.map((r) => (r.body as { outcome: string }).outcome).sort();
    expect(outcomes).toEqual(['accepted', ...Array(19).fill('duplicate')]);
    await afterAnswers(t);
    expect(await inboxRows(t, body)).toHaveLength(1);
    expect(await jobsFor(queue, id)).toHaveLength(1);
  });

  it('does not enqueue a second job when another batch carries the same lead', async () => {
    const id = nextLeadId();
    const first = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const second = delivery({ id: '100', changes: [leadgen(id, '100'), leadgen(nextLeadId(), '100')] });
    await post(first).expect(200);
    await post(second).expect(200);
    await afterAnswers(t);
    expect(await inboxRows(t, second)).toHaveLength(1);
    expect(await jobsFor(queue, id)).toHaveLength(1);
  });

  it('handles every entry and change of one delivery', async () => {
    const ids = [nextLeadId(), nextLeadId(), nextLeadId()];
    const body = delivery(
      { id: '100', changes: [leadgen(ids[0], '100'), { field: 'feed', value: { item: 'status' } }, leadgen(ids[1], '100')] },
      { id: '200', changes: [leadgen(ids[2], '200')] },
    );
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);
    const [row] = await inboxRows(t, body);
    expect(row).toMatchObject({ status: 'enqueued', job_count: 3 });
    expect(row.ignored_changes).toEqual([expect.objectContaining({ reason: 'unknown_field', field: 'feed' })]);
    for (const [id, page] of [
      [ids[0], '100'],
      [ids[1], '100'],
      [ids[2], '200'],
    ]) {
      expect(await queue.getJob(leadgenJobId(page, id))).toBeDefined();
    }
  });

  it('queues every lead of a delivery larger than one enqueue chunk, and marks the row enqueued once all are queued', async () => {
    const count = ADD_BULK_CHUNK * 2 + 37;
    const ids = Array.from({ length: count }, () => nextLeadId());
    const body = delivery({ id: '100', changes: ids.map((id) => leadgen(id, '100')) });
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);
    const [row] = await inboxRows(t, body);
    expect(row).toMatchObject({ status: 'enqueued', job_count: count });
    const queued = await Promise.all(ids.map((id) => queue.getJob(leadgenJobId('100', id))));
    expect(queued.filter((job) => job === undefined)).toHaveLength(0);
  });

  it('acknowledges a lead of an unknown page and records it as ignored', async () => {
    const id = nextLeadId();
    const body = delivery({ id: '999', changes: [leadgen(id, '999')] });
    // The Pages are looked up after the answer, so the answer only knows that the delivery carries a lead.
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);
    const [row] = await inboxRows(t, body);
    expect(row).toMatchObject({ status: 'ignored', job_count: 0 });
    expect(row.ignored_changes).toEqual([expect.objectContaining({ reason: 'unknown_page', pageId: '999' })]);
    expect(await jobsFor(queue, id)).toHaveLength(0);
  });

  it('acknowledges other fields and records them as ignored', async () => {
    const body = delivery({ id: '100', changes: [{ field: 'feed', value: { item: 'post', post_id: '100_1' } }] });
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'ignored' });
    await afterAnswers(t);
    const [row] = await inboxRows(t, body);
    expect(row.status).toBe('ignored');
    expect(row.ignored_changes).toEqual([expect.objectContaining({ reason: 'unknown_field', field: 'feed' })]);
  });

  it('refuses a tampered body with 403 and stores nothing', async () => {
    const id = nextLeadId();
    const original = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const tampered = original.replace(id, nextLeadId());
    const before = await inboxCount(t);
    const res = await post(tampered, sign(original)).expect(403);
    expect(res.body.error).toMatchObject({ status: 403, code: 'invalid_signature' });
    expect(await inboxCount(t)).toBe(before);
    expect(await jobsFor(queue, id)).toHaveLength(0);
  });

  it.each([
    ['a signature of the wrong length', `sha256=${'a'.repeat(40)}`],
    ['a non-hex signature', `sha256=${'z'.repeat(64)}`],
  ])('refuses %s with 403', async (_what, signature) => {
    const before = await inboxCount(t);
    await post(delivery({ id: '100', changes: [leadgen(nextLeadId(), '100')] }), signature).expect(403);
    expect(await inboxCount(t)).toBe(before);
  });

  it('refuses a delivery without a signature with 401 and stores nothing', async () => {
    const before = await inboxCount(t);
    const res = await post(delivery({ id: '100', changes: [leadgen(nextLeadId(), '100')] }), null).expect(401);
    expect(res.body.error).toMatchObject({ status: 401 });
    expect(await inboxCount(t)).toBe(before);
  });

  it('refuses an oversized body with 413 and stores nothing', async () => {
    const before = await inboxCount(t);
    const body = delivery({ id: '100', changes: [leadgen(nextLeadId(), '100', { padding: 'x'.repeat(1_100_000) })] });
    const res = await post(body).expect(413);
    expect(res.body.error).toMatchObject({ status: 413 });
    expect(await inboxCount(t)).toBe(before);
  });

  it('checks the signature before parsing: invalid JSON with a bad signature is a 403', async () => {
    const before = await inboxCount(t);
    const res = await t.http
      .post('/v1/integrations/meta/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', `sha256=${'0'.repeat(64)}`)
      .send('{"object":"page","entry":[')
      .expect(403);
    expect(res.body.error.code).toBe('invalid_signature');
    expect(await inboxCount(t)).toBe(before);
  });

  it('answers with security headers and a request id, and no CORS headers (Meta is not a browser)', async () => {
    const body = delivery({ id: '100', changes: [leadgen(nextLeadId(), '100')] });
    const res = await post(body).set('Origin', 'https://evil.example').set('X-Request-Id', 'webhook-req-12345').expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-request-id': 'webhook-req-12345',
    });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const refused = await post(body, `sha256=${'0'.repeat(64)}`).expect(403);
    expect(refused.body.error.requestId).toBe(refused.headers['x-request-id']);
    await afterAnswers(t);
  });

  it('sends the security headers every other route sends (its own, stricter CSP aside), on answers and refusals', async () => {
    const other = await t.http.get('/health');
    const security = Object.keys(other.headers).filter((name) =>
      /^(content-security-policy|strict-transport-security|referrer-policy|cross-origin-|origin-agent-cluster|x-(content-type|dns-prefetch|download|frame|permitted|xss))/.test(
        name,
      ),
    );
    expect(security).toContain('referrer-policy');
    expect(security.length).toBeGreaterThanOrEqual(12);
    const body = delivery({ id: '100', changes: [leadgen(nextLeadId(), '100')] });
    for (const res of [await post(body).expect(200), await post(body, `sha256=${'0'.repeat(64)}`).expect(403)]) {
      for (const name of security) {
        expect({ name, value: res.headers[name] }).toEqual({
          name,
          value: name === 'content-security-policy' ? "default-src 'none'; frame-ancestors 'none'" : other.headers[name],
        });
      }
    }
    expect((await post(body).expect(200)).headers['referrer-policy']).toBe('no-referrer');
    await afterAnswers(t);
  });

  it.each([
    ['a trailing slash', `${URL_PATH}/`],
    ['a query string', `${URL_PATH}?source=meta`],
  ])('gives the same answers for the path with %s', async (_what, path) => {
    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const send = (signature: string) =>
      t.http.post(path).set('Content-Type', 'application/json').set('X-Hub-Signature-256', signature).send(body);
    expect((await send(`sha256=${'0'.repeat(64)}`).expect(403)).body.error).toMatchObject({ status: 403, code: 'invalid_signature' });
    expect((await send(sign(body)).expect(200)).body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);
    expect((await inboxRows(t, body))[0]).toMatchObject({ status: 'enqueued', job_count: 1 });
    expect(await jobsFor(queue, id)).toHaveLength(1);
  });

  it('relays a stored delivery whose jobs were never queued (a crash right after the answer), once it is a few seconds old', async () => {
    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const insert = (age: string) =>
      t.dataSource.query(
        `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature, received_at) VALUES ($1, $2, 'page', $3, now() - $4::interval) RETURNING id`,
        [Buffer.from(body), sha256(body), sign(body), age],
      );
    const [row] = (await insert('0 seconds')) as { id: string }[];
    const relay = t.app.get(WebhookInboxRelayService);
    // Still fresh: the process that stored it would be queueing it right now.
    await relay.relayPending();
    expect((await inboxRows(t, body))[0].status).toBe('received');

    await t.dataSource.query(`UPDATE meta_webhook_inbox SET received_at = now() - interval '1 minute' WHERE id = $1`, [row.id]);
    expect((await relay.relayPending()).enqueued).toBeGreaterThanOrEqual(1);
    expect((await inboxRows(t, body))[0]).toMatchObject({ status: 'enqueued', job_count: 1 });
    expect((await jobsFor(queue, id)).map((job) => (job.data as LeadgenJobData).inboxId)).toEqual([row.id]);
  });

  it('counts deliveries by outcome on /metrics', async () => {
    const res = await t.http.get('/metrics').expect(200);
    for (const outcome of ['accepted', 'duplicate', 'ignored', 'bad_signature']) {
      expect(res.text).toMatch(new RegExp(`meta_webhook_deliveries_total\\{outcome="${outcome}"\\} [1-9]`));
    }
  });

  it('declares the inbox relay schedule', () => {
    expect(APP_SCHEDULES).toContainEqual(
      expect.objectContaining({ id: 'meta-webhook:relay-webhook-inbox', queue: META_WEBHOOK_QUEUE_NAME }),
    );
  });
});

// The queue's Redis (a server of this test's own, so stopping it leaves the machine's Redis alone) goes away.
describeWithRedisServer('Meta webhook with the queue backend down (e2e)', () => {
  let redis: OwnRedis;
  let t: TestApp;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    t = await createTestApp({ env: { ...ENV, REDIS_URL: redis.url } });
    await insertConnectedPages(t.dataSource, 'Webhook Test Agency', ['100']);
  });
  afterAll(async () => {
    // The app closes its queue clients only against a live server.
    await redis?.start().catch(() => undefined);
    await t?.close();
    await redis?.dispose();
  });

  it('still answers 200 with the row kept as received, and the relay enqueues it once the queue is back', async () => {
    await redis.stop('SIGKILL');

    const id = nextLeadId();
    const body = delivery({ id: '100', changes: [leadgen(id, '100')] });
    const res = await t.http.post(URL_PATH).set('Content-Type', 'application/json').set('X-Hub-Signature-256', sign(body)).send(body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'accepted' });
    await afterAnswers(t);
    const [stored] = await inboxRows(t, body);
    expect(stored).toMatchObject({ status: 'received', attempts: 1 });
    expect(stored.last_error).toEqual(expect.any(String));

    await redis.start();
    const relay = t.app.get(WebhookInboxRelayService);
    // The queue client reconnects on its own schedule; relay until it gets through (each try is bounded).
    let result = await relay.relayPending();
    for (let attempt = 0; attempt < 15 && result.enqueued === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      result = await relay.relayPending();
    }
    expect(result).toMatchObject({ enqueued: 1, pending: 0 });
    const [relayed] = await inboxRows(t, body);
    expect(relayed).toMatchObject({ status: 'enqueued', job_count: 1, last_error: null });
    expect(relayed.attempts).toBeGreaterThanOrEqual(2);

    const queue = t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    expect((await queue.getJob(leadgenJobId('100', id)))?.data).toMatchObject({ leadgenId: id, inboxId: stored.id });
    // Relaying again changes nothing.
    expect(await relay.relayPending()).toEqual({ enqueued: 0, ignored: 0, pending: 0 });
  }, 90_000);
});

describe('Meta webhook fed by the Meta sandbox (e2e)', () => {
  let t: TestApp;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    t = await createTestApp({ env: ENV });
    await t.app.listen(0, '127.0.0.1');
    sandbox = await startSandbox({
      port: 0,
      appSecret: SECRET,
      verifyToken: VERIFY_TOKEN,
      webhooks: { duplicateRate: 0, batchWindowMs: 20 },
    });
    await insertConnectedPages(
      t.dataSource,
      'Webhook Test Agency',
      sandbox.control.world().pages.map((page) => page.id),
    );
  });
  afterAll(async () => {
    await sandbox?.close();
    await t?.close();
  });

  it('receives signed leadgen deliveries, duplicates included, with one job per lead', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    // Subscribing runs the GET verification handshake against the app.
    await sandbox.control.subscribeWebhook({ callbackUrl: `http://127.0.0.1:${port}${URL_PATH}`, verifyToken: VERIFY_TOKEN });
    sandbox.control.setFaults({ webhooks: { duplicateRate: 1 } });

    const leads = sandbox.control.createLeads({ count: 3 });
    const log = await sandbox.control.flushWebhooks();
    expect(log.filter((entry) => entry.outcome === 'delivered').length).toBeGreaterThanOrEqual(1);
    expect(log.every((entry) => entry.outcome !== 'failed')).toBe(true);
    expect(log.some((entry) => entry.outcome === 'duplicate')).toBe(true);
    await afterAnswers(t);

    const rows = (await t.dataSource.query(`SELECT status, raw_body FROM meta_webhook_inbox`)) as { status: string; raw_body: Buffer }[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((row) => row.status === 'enqueued')).toBe(true);
    const queue = t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    for (const lead of leads) {
      expect(rows.some((row) => row.raw_body.toString().includes(lead.id))).toBe(true);
      expect(await queue.getJob(leadgenJobId(lead.page_id, lead.id))).toBeDefined();
      expect(await jobsFor(queue, lead.id)).toHaveLength(1);
    }
  });
});
