import { getQueueToken } from '@nestjs/bullmq';
import { LeadSyncState } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { APP_SCHEDULES } from '../../src/app.schedules';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { META_WEBHOOK_JOBS, META_WEBHOOK_QUEUE_NAME } from '../../src/modules/meta-webhook';
import { WebhookInboxJobHandlers } from '../../src/modules/meta-webhook/webhook-inbox.job-handlers';
import { SCHEDULE_TICKS_QUEUE } from '../../src/infra/scheduler/schedule-ticks';
import { SchedulerService } from '../../src/infra/scheduler/scheduler.service';
import { WebhookAfterAck } from '../../src/modules/meta-webhook/ingest/webhook-after-ack.service';
import { leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { EnqueuedInboxCheck } from '../../src/modules/meta-webhook/relay/enqueued-inbox-check.service';
import { leadgenDelivery, signedDelivery } from '../utils/leadgen-delivery';
import { storedLeadCount, waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(120_000);

const AUTO_FORM = '555000000000101';
const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

/**
 * An inbox row's state ends matching its leads: the relay's schedule closes `enqueued` deliveries whose leads are
 * done and queues again the jobs the queue lost, with the real pipeline storing the leads (sandbox as Meta).
 */
describe('Webhook inbox kept true to its leads (e2e)', () => {
  let env: MetaTestEnv;
  let queue: Queue;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'inbox-drift-e2e', webhookTimeoutMs: 5000, fastGraphPauses: true });
    await connectOrganisation(env);
    // The test is Meta here: it sends the deliveries itself, so it knows which row carries which lead.
    env.sandbox.control.setWebhooks({ enabled: false });
    queue = env.t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    // The tests run the relay job themselves; the schedule's own runs would race with their checks.
    await env.t.app.get<Queue>(getQueueToken(META_WEBHOOK_QUEUE_NAME)).pause();
  });
  afterAll(() => env?.close());

  const deliver = async (body: string) => {
    const signed = signedDelivery(body);
    await env.t.http
      .post('/v1/integrations/meta/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signed.signature)
      .send(signed.body)
      .expect(200);
    await env.t.app.get(WebhookAfterAck).idle();
    const [row] = (await env.t.dataSource.query(`SELECT id, status FROM meta_webhook_inbox WHERE body_sha256 = $1`, [sha256(body)])) as {
      id: string;
      status: string;
    }[];
    return row;
  };
  const statusOf = async (id: string) =>
    ((await env.t.dataSource.query(`SELECT status FROM meta_webhook_inbox WHERE id = $1`, [id])) as { status: string }[])[0].status;
  /** As if the row had been queued a minute ago: the check leaves rows alone for their first 20 seconds. */
  const age = (id: string) =>
    env.t.dataSource.query(`UPDATE meta_webhook_inbox SET enqueued_at = now() - interval '1 minute', checked_at = NULL WHERE id = $1`, [
      id,
    ]);
  /** What the `relay-webhook-inbox` schedule runs. */
  const relayJob = () => env.t.app.get(WebhookInboxJobHandlers).relayInbox() as Promise<Record<string, number>>;

  it('closes a delivery whose lead was stored through another delivery', async () => {
    const [lead] = env.sandbox.control.createLeads({ formId: AUTO_FORM, count: 1 });
    const first = await deliver(leadgenDelivery([lead], 1764400100));
    await waitForStates(env.t, [lead.id], [LeadSyncState.Stored]);
    await waitFor('the first delivery to close', async () => (await statusOf(first.id)) === 'processed');

    // Meta sends the same lead again with other bytes: the job id exists (it ran), so no job is added, and the
    // lead's timeline names the first delivery: nothing would ever close this one.
    const again = await deliver(leadgenDelivery([lead], 1764400200));
    expect(again.status).toBe('enqueued');
    await age(again.id);
    await relayJob();
    expect(await statusOf(again.id)).toBe('processed');
    expect(await storedLeadCount(env.t, lead.id)).toBe(1);
  });

  it('queues again the jobs the queue lost, and the delivery closes once its leads are stored', async () => {
    const leads = env.sandbox.control.createLeads({ formId: AUTO_FORM, count: 3 });
    await queue.pause();
    let row: { id: string; status: string };
    try {
      row = await deliver(leadgenDelivery(leads));
      expect(row.status).toBe('enqueued');
      // The queue backend loses them (a Redis restarted without its data, a FLUSHALL).
      for (const lead of leads) await (await queue.getJob(leadgenJobId(lead.page_id, lead.id)))!.remove();
    } finally {
      await queue.resume();
    }
    await age(row.id);
    const result = await relayJob();
    expect(result).toMatchObject({ checked: expect.any(Number), requeued: 3 });
    for (const lead of leads) expect(await queue.getJob(leadgenJobId(lead.page_id, lead.id))).toBeDefined();
    await waitForStates(
      env.t,
      leads.map((lead) => lead.id),
      [LeadSyncState.Stored],
    );
    await waitFor('the delivery to close', async () => (await statusOf(row.id)) === 'processed');
    for (const lead of leads) expect(await storedLeadCount(env.t, lead.id)).toBe(1);
  });

  it('leaves a delivery whose lead waits for a replay enqueued, checks it again only after a while, and bounds each run', async () => {
    const check = env.t.app.get(EnqueuedInboxCheck);
    const pageId = env.sandbox.control.world().pages[0].id;
    // Three deliveries, each with one lead that failed (its job ended; a replay takes it from here).
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const leadgenId = `97${Date.now()}${i}`;
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: pageId, time: i, changes: [{ field: 'leadgen', value: { leadgen_id: leadgenId, page_id: pageId } }] }],
      });
      const [inbox] = (await env.t.dataSource.query(
        `INSERT INTO meta_webhook_inbox (raw_body, body_sha256, object, status, job_count, enqueued_at, page_ids, change_count)
         VALUES ($1, $2, 'page', 'enqueued', 1, now() - interval '1 minute' + $3 * interval '1 second', ARRAY[$4], 1) RETURNING id`,
        [Buffer.from(body), sha256(body), i, pageId],
      )) as { id: string }[];
      await env.t.dataSource.query(
        `INSERT INTO meta_lead_syncs (organisation_id, page_id, leadgen_id, inbox_id, state, error_kind) VALUES ($1, $2, $3, $4, 'failed', 'permission')`,
        [env.admin.organisationId, pageId, leadgenId, inbox.id],
      );
      ids.push(inbox.id);
    }
    const only = async (maxRows: number) => {
      // Only these rows are old enough (the other tests' rows are closed, or checked just now).
      const result = await check.checkEnqueued(20_000, maxRows);
      const rows = (await env.t.dataSource.query(
        `SELECT id, status, checked_at FROM meta_webhook_inbox WHERE id = ANY($1) ORDER BY enqueued_at`,
        [ids],
      )) as {
        id: string;
        status: string;
        checked_at: Date | null;
      }[];
      return { result, statuses: rows.map((r) => r.status), checked: rows.map((r) => r.checked_at !== null) };
    };

    expect(await only(2)).toEqual({
      result: { checked: 2, closed: 0, requeued: 0 },
      statuses: ['enqueued', 'enqueued', 'enqueued'],
      checked: [true, true, false],
    });
    // The third, never checked, comes first now; the two checked just now wait their 20 seconds.
    expect(await only(2)).toEqual({
      result: { checked: 1, closed: 0, requeued: 0 },
      statuses: ['enqueued', 'enqueued', 'enqueued'],
      checked: [true, true, true],
    });
    expect((await only(2)).result).toEqual({ checked: 0, closed: 0, requeued: 0 });

    // Replayed and stored: the next check closes the deliveries.
    await env.t.dataSource.query(`UPDATE meta_lead_syncs SET state = 'stored' WHERE inbox_id = ANY($1)`, [ids]);
    await env.t.dataSource.query(`UPDATE meta_webhook_inbox SET checked_at = now() - interval '1 minute' WHERE id = ANY($1)`, [ids]);
    expect(await only(10)).toMatchObject({
      result: { checked: 3, closed: 3, requeued: 0 },
      statuses: ['processed', 'processed', 'processed'],
    });
  });

  it('declares again the schedules the queue backend lost', async () => {
    const relay = APP_SCHEDULES.find((s) => s.jobName === META_WEBHOOK_JOBS.relayInbox)!;
    // The schedules tick on their own queue (schedule-ticks.ts).
    const ticks = env.t.app.get<Queue>(getQueueToken(SCHEDULE_TICKS_QUEUE.name));
    const scheduler = env.t.app.get(SchedulerService, { strict: false });
    expect(await scheduler.restoreMissing()).toEqual([]);
    await ticks.removeJobScheduler(relay.id);
    expect(await ticks.getJobScheduler(relay.id)).toBeUndefined();
    expect(await scheduler.restoreMissing()).toEqual([relay.id]);
    expect(await ticks.getJobScheduler(relay.id)).toMatchObject({ every: 30_000 });
  });
});
