import { getQueueToken } from '@nestjs/bullmq';
import { ErrorCode, type MetaActivityDto } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { createHash, createHmac } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { WebhookInboxSummaries1764400810000 } from '../../src/database/migrations/1764400810000-webhook-inbox-summaries';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { WebhookAfterAck } from '../../src/modules/meta-webhook/ingest/webhook-after-ack.service';
import { leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { WebhookInboxRelayService } from '../../src/modules/meta-webhook/relay/webhook-inbox-relay.service';
import { connectPages } from '../utils/connected-pages';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';

/**
 * Signed deliveries whose body cannot be processed: each is answered 200 (Meta would retry anything else for 36
 * hours), kept byte for byte as `quarantined` with the reason, counted, never queued, and shown on the Activity
 * page, which keeps answering for every organisation whatever the inbox holds.
 */

const URL_PATH = '/v1/integrations/meta/webhook';
const SECRET = 'quarantine-e2e-app-secret';
const PAGE_A = '100';
const PAGE_B = '200';

const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const sha256 = (body: string | Buffer) => createHash('sha256').update(body).digest('hex');

let counter = 0;
const nextLeadId = () => `8${Date.now()}${String(++counter).padStart(3, '0')}`;

/** A one-lead delivery for Page A, written by hand so `formId` can carry any escape or byte. */
const leadgenBody = (leadgenId: string, formId: string | Buffer): Buffer =>
  Buffer.concat([
    Buffer.from(
      `{"object":"page","entry":[{"id":"${PAGE_A}","time":1764400000,"changes":[{"field":"leadgen","value":{"leadgen_id":"${leadgenId}","page_id":"${PAGE_A}","form_id":"`,
    ),
    Buffer.isBuffer(formId) ? formId : Buffer.from(formId),
    Buffer.from(`","created_time":1764399990}}]}]}`),
  ]);

/** supertest would send a Buffer with a JSON content type as JSON (`{"type":"Buffer","data":[…]}`); these are the bytes. */
const asIs = (body: unknown) => body as string;

interface QuarantinedRow {
  id: string;
  status: string;
  quarantine_reason: string | null;
  raw_body: Buffer;
  page_ids: string[];
  change_count: number;
  job_count: number | null;
  processed_at: Date | null;
}

describe('Webhook deliveries that cannot be processed (e2e)', () => {
  let t: TestApp;
  let queue: Queue;
  let adminA: SignedInUser;
  let viewerA: SignedInUser;
  let adminB: SignedInUser;

  const post = (body: Buffer | string, contentType = 'application/json', path = URL_PATH) =>
    t.http.post(path).set('Content-Type', contentType).set('X-Hub-Signature-256', sign(body)).serialize(asIs).send(body);

  const rowOf = async (body: Buffer | string): Promise<QuarantinedRow | undefined> =>
    ((await t.dataSource.query(`SELECT * FROM meta_webhook_inbox WHERE body_sha256 = $1`, [sha256(body)])) as QuarantinedRow[])[0];

  /** Every user's Activity answer (each must be a 200), and which of `inboxId` each one lists. */
  async function activitySeenBy(inboxId: string): Promise<Record<'adminA' | 'viewerA' | 'adminB', boolean>> {
    const seen = async (user: SignedInUser) => {
      const res = await t.http.get('/v1/integrations/meta/activity').set(user.auth);
      expect({ status: res.status, error: res.body?.error }).toEqual({ status: 200, error: undefined });
      return (res.body as MetaActivityDto).deliveries.some((delivery) => delivery.id === inboxId);
    };
    return { adminA: await seen(adminA), viewerA: await seen(viewerA), adminB: await seen(adminB) };
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { META_APP_SECRET: SECRET, META_VERIFY_TOKEN: 'quarantine-verify' } });
    queue = t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    ({ admin: adminA, viewer: viewerA } = await signInAdminManagerViewer(t));
    await connectPages(t.dataSource, adminA.organisationId, [PAGE_A]);
    const other = await createOrganisationWithAdmin(t, 'Other Agency');
    adminB = other.admin;
    await connectPages(t.dataSource, other.org.id, [PAGE_B]);
  });
  afterAll(() => t?.close());

  it.each([
    ['a \\u0000 escape', (id: string) => leadgenBody(id, '555\\u0000'), 'application/json', 'nul_character'],
    [
      'bytes that are not UTF-8',
      (id: string) => leadgenBody(id, Buffer.from([0x35, 0xff, 0xfe, 0x35])),
      'application/json',
      'invalid_utf8',
    ],
    ['an unpaired surrogate escape', (id: string) => leadgenBody(id, '555\\ud800'), 'application/json', 'unpaired_surrogate'],
    ['another content type', (id: string) => leadgenBody(id, '555'), 'text/plain', 'not_application_json'],
  ])(
    'acknowledges a signed body with %s, keeps it quarantined byte for byte for its Page, and queues nothing',
    async (_what, build, contentType, reason) => {
      const id = nextLeadId();
      const body = build(id);
      const res = await post(body, contentType).expect(200);
      expect(res.body).toEqual({ outcome: 'quarantined' });
      await t.app.get(WebhookAfterAck).idle();

      const row = await rowOf(body);
      expect(row).toMatchObject({ status: 'quarantined', quarantine_reason: reason, page_ids: [PAGE_A], change_count: 1, job_count: null });
      expect(row!.processed_at).not.toBeNull();
      expect(row!.raw_body.equals(body)).toBe(true);
      expect(await queue.getJob(leadgenJobId(PAGE_A, id))).toBeUndefined();
      // The relay leaves it alone too.
      await t.dataSource.query(`UPDATE meta_webhook_inbox SET received_at = now() - interval '1 minute' WHERE id = $1`, [row!.id]);
      await t.app.get(WebhookInboxRelayService).relayPending();
      expect((await rowOf(body))!.status).toBe('quarantined');
      expect(await queue.getJob(leadgenJobId(PAGE_A, id))).toBeUndefined();

      // Attributed to Page A: its organisation sees it (every role, like its other deliveries), the other does not.
      expect(await activitySeenBy(row!.id)).toEqual({ adminA: true, viewerA: true, adminB: false });
      const activity = (await t.http.get('/v1/integrations/meta/activity').set(viewerA.auth).expect(200)).body as MetaActivityDto;
      expect(activity.deliveries.find((delivery) => delivery.id === row!.id)).toMatchObject({
        status: 'quarantined',
        quarantineReason: reason,
        changeCount: 1,
        jobCount: null,
      });
    },
  );

  it('acknowledges a signed body that is not JSON, keeps it quarantined, and shows it to the admins of every organisation only', async () => {
    const body = `{"object":"page","entry":[{"id":"${PAGE_A}","changes":[`;
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'quarantined' });
    const row = await rowOf(body);
    expect(row).toMatchObject({ status: 'quarantined', quarantine_reason: 'not_json', page_ids: [], change_count: 0 });
    expect(row!.raw_body.toString()).toBe(body);
    // Nothing in it names a Page: it may have been anyone's, so every admin sees it, viewers do not.
    expect(await activitySeenBy(row!.id)).toEqual({ adminA: true, viewerA: false, adminB: true });
  });

  it('quarantines the same bodies when they come compressed or to the path with a trailing slash', async () => {
    const id = nextLeadId();
    const nul = leadgenBody(id, '555\\u0000');
    const res = await t.http
      .post(URL_PATH)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .set('X-Hub-Signature-256', sign(nul))
      .serialize(asIs)
      .send(gzipSync(nul))
      .expect(200);
    expect(res.body).toEqual({ outcome: 'quarantined' });
    expect(await rowOf(nul)).toMatchObject({ status: 'quarantined', quarantine_reason: 'nul_character' });

    const notJson = '{"object":"page","entry":[{"id":"200"';
    expect((await post(notJson, 'application/json', `${URL_PATH}/`).expect(200)).body).toEqual({ outcome: 'quarantined' });
    expect(await rowOf(notJson)).toMatchObject({ status: 'quarantined', quarantine_reason: 'not_json' });
    await t.app.get(WebhookAfterAck).idle();
    expect(await queue.getJob(leadgenJobId(PAGE_A, id))).toBeUndefined();
  });

  it('inflates deflate and brotli bodies before the signature check, and refuses what cannot be inflated', async () => {
    const compressed = (encoding: string, raw: Buffer, sent: Buffer) =>
      t.http
        .post(URL_PATH)
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .set('X-Hub-Signature-256', sign(raw))
        .serialize(asIs)
        .send(sent);
    for (const [encoding, compress] of [
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const body = leadgenBody(nextLeadId(), `\\u0000${encoding}`);
      expect((await compressed(encoding, body, compress(body)).expect(200)).body).toEqual({ outcome: 'quarantined' });
      expect(await rowOf(body)).toMatchObject({ status: 'quarantined', quarantine_reason: 'nul_character' });
    }

    const body = leadgenBody(nextLeadId(), 'form-1');
    const unknown = await compressed('zstd', body, body).expect(415);
    expect(unknown.body.error).toMatchObject({ code: 'unsupported_media_type', message: 'Unsupported Content-Encoding: zstd' });
    const corrupt = await compressed('gzip', body, body).expect(400);
    expect(corrupt.body.error.message).toBe('Malformed request body: the compressed body does not inflate');
    // A small gzip that inflates past BODY_LIMIT (1 MB by default) is refused as the large body it is.
    const bomb = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect((await compressed('gzip', bomb, gzipSync(bomb)).expect(413)).body.error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(await rowOf(body)).toBeUndefined();
  });

  it('recognises a quarantined body sent again as a duplicate: one row', async () => {
    const body = leadgenBody(nextLeadId(), '555\\u0000');
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'quarantined' });
    expect((await post(body).expect(200)).body).toEqual({ outcome: 'duplicate' });
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox WHERE body_sha256 = $1`, [
      sha256(body),
    ])) as { n: number }[];
    expect(n).toBe(1);
  });

  it('still refuses a bad signature before reading the body: 403, nothing kept', async () => {
    const body = '{"object":"page","entry":[';
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox`);
    await t.http
      .post(URL_PATH)
      .set('Content-Type', 'text/plain')
      .set('X-Hub-Signature-256', `sha256=${'0'.repeat(64)}`)
      .send(body)
      .expect(403);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox`)).toEqual(before);
  });

  it('keeps the Activity page answering over rows with unreadable bodies stored before ingest decided', async () => {
    // What the ingest used to store: bodies JavaScript could read, PostgreSQL could not (the read cast them to jsonb).
    const bodies = [
      leadgenBody(nextLeadId(), '555\\u0000'),
      leadgenBody(nextLeadId(), Buffer.from([0xc3, 0x28])),
      Buffer.from('{"object":"page","entry":[{"a":1e999999}]}'),
    ];
    const ids: string[] = [];
    for (const body of bodies) {
      const [row] = (await t.dataSource.query(
        `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature, status, job_count) VALUES ($1, $2, 'page', $3, 'processed', 1) RETURNING id`,
        [body, sha256(body), sign(body)],
      )) as { id: string }[];
      ids.push(row.id);
    }
    for (const id of ids) expect(await activitySeenBy(id)).toEqual({ adminA: false, viewerA: false, adminB: false });
  });

  it('fills in the rows stored before ingest decided: their Pages and changes, and the quarantine of a bad body never dispatched', async () => {
    const good = Buffer.from(
      `{"object":"page","entry":[{"id":"${PAGE_B}","changes":[{"field":"leadgen","value":{"leadgen_id":"${nextLeadId()}"}},{"field":"feed"}]}]}`,
    );
    const waiting = leadgenBody(nextLeadId(), '555\\u0000');
    const dispatched = leadgenBody(nextLeadId(), Buffer.from([0xc3, 0x28]));
    const insert = async (body: Buffer, status: string) =>
      (
        (await t.dataSource.query(
          `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, signature, status) VALUES ($1, $2, 'page', $3, $4) RETURNING id`,
          [body, sha256(body), sign(body), status],
        )) as { id: string }[]
      )[0].id;
    const ids = [await insert(good, 'processed'), await insert(waiting, 'received'), await insert(dispatched, 'enqueued')];
    const quarantinedBefore = (await t.dataSource.query(
      `SELECT id, quarantine_reason FROM meta_webhook_inbox WHERE status = 'quarantined' ORDER BY id`,
    )) as unknown[];

    const runner = t.dataSource.createQueryRunner();
    try {
      await new WebhookInboxSummaries1764400810000().up(runner);
    } finally {
      await runner.release();
    }

    const rows = (await t.dataSource.query(
      `SELECT id, status, quarantine_reason, page_ids, change_count, processed_at FROM meta_webhook_inbox WHERE id = ANY($1)`,
      [ids],
    )) as QuarantinedRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids[0])).toMatchObject({ status: 'processed', quarantine_reason: null, page_ids: [PAGE_B], change_count: 2 });
    expect(byId.get(ids[1])).toMatchObject({
      status: 'quarantined',
      quarantine_reason: 'nul_character',
      page_ids: [PAGE_A],
      change_count: 1,
    });
    expect(byId.get(ids[1])!.processed_at).not.toBeNull();
    // Its leads went through the pipeline: the status still says what became of them.
    expect(byId.get(ids[2])).toMatchObject({ status: 'enqueued', quarantine_reason: 'invalid_utf8', page_ids: [PAGE_A], change_count: 1 });
    // Rows quarantined at ingest keep their reason (their content type is not known from the bytes).
    expect(
      await t.dataSource.query(
        `SELECT id, quarantine_reason FROM meta_webhook_inbox WHERE status = 'quarantined' AND id <> $1 ORDER BY id`,
        [ids[1]],
      ),
    ).toEqual(quarantinedBefore);
  });

  it('counts quarantined deliveries on /metrics, by reason', async () => {
    const res = await t.http.get('/metrics').expect(200);
    expect(res.text).toMatch(/meta_webhook_deliveries_total\{outcome="quarantined"\} [1-9]/);
    for (const reason of ['nul_character', 'invalid_utf8', 'unpaired_surrogate', 'not_application_json', 'not_json']) {
      expect(res.text).toMatch(new RegExp(`meta_webhook_quarantined_total\\{reason="${reason}"\\} [1-9]`));
    }
  });
});
