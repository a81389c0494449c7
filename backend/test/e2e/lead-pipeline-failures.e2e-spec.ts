import { getQueueToken } from '@nestjs/bullmq';
import { LeadSyncState, Role } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { createHmac } from 'node:crypto';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin } from '../utils/identity-fixtures';
import { storedLeadCount, syncRows, waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { META_APP, startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(120_000);

const AUTO_FORM = '555000000000101';
const DEMO_USER = '10224466880011223';

describe('Lead pipeline failures: Graph errors, throttling, a dead token, replays (e2e)', () => {
  let env: MetaTestEnv;
  let queue: Queue;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'lead-pipeline-e2e', webhookTimeoutMs: 5000, fastGraphPauses: true });
    await connectOrganisation(env);
    queue = env.t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
  });
  afterEach(() => env?.sandbox.control.clearFaults());
  afterAll(() => env?.close());

  const createLeads = (count: number) => env.sandbox.control.createLeads({ formId: AUTO_FORM, count });
  const announce = async (count: number) => {
    const leads = createLeads(count);
    await env.sandbox.control.flushWebhooks();
    return leads;
  };
  const integrationStatus = async (): Promise<string> =>
    (
      await env.t.dataSource.query(`SELECT status FROM meta_integrations WHERE organisation_id = $1 AND status <> 'disconnected'`, [
        env.admin.organisationId,
      ])
    )[0].status;

  it("retries transient Graph errors (codes 1 and 2) with the queue's backoff, one read per attempt, and stores the lead once", async () => {
    // Deterministic on purpose (a rate left the failures in a row to chance): the next Graph call fails with code 2,
    // the one after with code 1. A lead read is tried once per job attempt (the queue's backoff spaces the retries),
    // so the first two attempts fail and the third gets the lead.
    env.sandbox.control.setFaults({
      errors: [
        { code: 2, rate: 1, times: 1 },
        { code: 1, rate: 1, times: 1 },
      ],
    });
    const before = env.sandbox.control.counters().byErrorCode;
    const [lead] = await announce(1);
    const [stored] = await waitForStates(env.t, [lead.id], [LeadSyncState.Stored], 60_000);
    const after = env.sandbox.control.counters().byErrorCode;
    const injected = (code: string) => (after[code] ?? 0) - (before[code] ?? 0);
    expect([injected('2'), injected('1')]).toEqual([1, 1]);
    expect(stored).toMatchObject({ attempts: 3, error_kind: null });
    expect(await storedLeadCount(env.t, lead.id)).toBe(1);
  });

  it.each([4, 17, 80004])('delays a lead throttled with code %i without spending an attempt, then stores it', async (code) => {
    env.sandbox.control.setFaults({ errors: [{ code, rate: 1 }] });
    const [lead] = await announce(1);
    const job = await waitFor('the job to be delayed', async () => {
      const found = await queue.getJob(leadgenJobId(lead.page_id, lead.id));
      return found && (await found.isDelayed()) ? found : null;
    });
    const [sync] = await syncRows(env.t, [lead.id]);
    expect(sync).toMatchObject({ state: LeadSyncState.Pending, error_kind: 'rate_limited', error_code: code });
    expect(job.attemptsMade).toBe(0);

    // Access returns: the delayed job runs (now instead of at the regain time) and stores the lead.
    env.sandbox.control.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the test client's pause after a rate limit
    await job.promote();
    const [stored] = await waitForStates(env.t, [lead.id], [LeadSyncState.Stored]);
    expect(stored.error_kind).toBeNull();
    expect(await storedLeadCount(env.t, lead.id)).toBe(1);
  });

  it('fails a lead on a permission error with a hint, and a replay after the fix stores it once', async () => {
    env.sandbox.control.setFaults({ errors: [{ code: 10, rate: 1 }] });
    const [lead] = await announce(1);
    const [failed] = await waitForStates(env.t, [lead.id], [LeadSyncState.Failed]);
    expect(failed).toMatchObject({ error_kind: 'permission', error_code: 10 });
    expect(failed.hint).toContain('leads_retrieval');

    const list = await env.t.http.get('/v1/integrations/meta/lead-syncs?state=failed').set(env.admin.auth).expect(200);
    expect(list.body.items.map((s: { leadgenId: string }) => s.leadgenId)).toContain(lead.id);
    // The failed list names the Page and the form as discovered here, not only by Meta's ids.
    const [names] = (await env.t.dataSource.query(
      `SELECT p.page_name, f.form_name FROM meta_lead_forms f JOIN meta_pages p ON p.id = f.page_id
        WHERE f.organisation_id = $1 AND f.form_id = $2`,
      [env.admin.organisationId, AUTO_FORM],
    )) as { page_name: string; form_name: string }[];
    expect(names.page_name).toBeTruthy();
    expect(names.form_name).toBeTruthy();
    expect(list.body.items.find((s: { leadgenId: string }) => s.leadgenId === lead.id)).toMatchObject({
      pageId: lead.page_id,
      pageName: names.page_name,
      formId: AUTO_FORM,
      formName: names.form_name,
    });

    env.sandbox.control.clearFaults();
    const res = await env.t.http.post('/v1/integrations/meta/lead-syncs/replay').set(env.admin.auth).send({ state: 'failed' }).expect(200);
    expect(res.body.replayed).toBeGreaterThanOrEqual(1);
    const [stored] = await waitForStates(env.t, [lead.id], [LeadSyncState.Stored]);
    expect(stored.replays).toBe(1);
    expect(await storedLeadCount(env.t, lead.id)).toBe(1);
  });

  it('lists, for admins only, the Pages not connected here that Meta delivered leads for', async () => {
    const pageId = `7${Date.now()}`;
    const body = (leadgenId: string) =>
      JSON.stringify({
        object: 'page',
        entry: [
          {
            id: pageId,
            time: 1764400000,
            changes: [
              { field: 'leadgen', value: { leadgen_id: leadgenId, page_id: pageId, form_id: AUTO_FORM, created_time: 1764399990 } },
            ],
          },
        ],
      });
    for (const leadgenId of [`8${Date.now()}1`, `8${Date.now()}2`]) {
      const raw = body(leadgenId);
      await env.t.http
        .post('/v1/integrations/meta/webhook')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', `sha256=${createHmac('sha256', META_APP.secret).update(raw).digest('hex')}`)
        .send(raw)
        .expect(200);
    }
    const listed = await waitFor('both deliveries to be listed', async () => {
      const activity = await env.t.http.get('/v1/integrations/meta/activity').set(env.admin.auth).expect(200);
      const page = (activity.body.unknownPages as { pageId: string; deliveries: number; lastAt: string }[]).find(
        (p) => p.pageId === pageId,
      );
      return page?.deliveries === 2 ? page : null;
    });
    expect(Date.parse(listed.lastAt)).toBeGreaterThan(Date.now() - 60_000);
    // A connected Page is never listed.
    const activity = await env.t.http.get('/v1/integrations/meta/activity').set(env.admin.auth).expect(200);
    const connected = (await env.t.dataSource.query(`SELECT page_id FROM meta_pages WHERE organisation_id = $1`, [
      env.admin.organisationId,
    ])) as { page_id: string }[];
    for (const { page_id } of connected) {
      expect(activity.body.unknownPages.map((p: { pageId: string }) => p.pageId)).not.toContain(page_id);
    }

    const viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    const seenByViewer = await env.t.http.get('/v1/integrations/meta/activity').set(viewer.auth).expect(200);
    expect(seenByViewer.body.unknownPages).toEqual([]);
  });

  it('parks leads while the token is dead, marks the connection for reauth, and stores them once after a reconnect', async () => {
    env.sandbox.control.invalidateTokens({ userId: DEMO_USER, reason: 'expired' });
    const [first] = await announce(1);
    const [parked] = await waitForStates(env.t, [first.id], [LeadSyncState.Parked]);
    expect(parked).toMatchObject({ error_kind: 'auth', error_code: 190 });
    expect(parked.hint).toMatch(/reconnect/i);
    expect(await integrationStatus()).toBe('reauth_required');
    // The timeline row is written before the job returns, so the job is marked finished a moment after it.
    await waitFor('the parked job to finish', async () => (await queue.getJob(leadgenJobId(first.page_id, first.id)))?.finishedOn);

    // While the connection waits for a reconnect, new leads park at once, without calling Meta.
    const callsBefore = env.sandbox.control.counters().graphCalls;
    const [second] = await announce(1);
    await waitForStates(env.t, [second.id], [LeadSyncState.Parked]);
    expect(env.sandbox.control.counters().graphCalls).toBe(callsBefore);
    const reauthAudits = (await auditActions(env.t, env.admin.organisationId)).filter((a) => a.action === 'meta.reauth_required');
    expect(reauthAudits).toEqual([
      expect.objectContaining({ actor_type: 'system', details: expect.objectContaining({ during: 'lead_sync' }) }),
    ]);
    // The entry names the job that made it, as Bull Board and the worker's logs do.
    const [{ correlation_id: correlation }] = await env.t.dataSource.query<{ correlation_id: string }[]>(
      `SELECT correlation_id FROM audit_log WHERE organisation_id = $1 AND action = 'meta.reauth_required'`,
      [env.admin.organisationId],
    );
    expect(correlation).toBe(`job:meta-leads:${leadgenJobId(first.page_id, first.id)}`);

    // The health card says so at once, without a new health check run: its stored checks were green at connect.
    const status = (await env.t.http.get('/v1/integrations/meta/status').set(env.admin.auth).expect(200)).body;
    expect(status.status).toBe('reauth_required');
    expect(status.overall).toBe('error');
    expect(status.checks.find((c: { key: string }) => c.key === 'token')).toMatchObject({
      level: 'error',
      hint: expect.stringMatching(/Reconnect/),
    });
    // And the Overview's pipeline numbers count the parked leads of today.
    const summary = (await env.t.http.get('/v1/integrations/meta/lead-pipeline/summary?tz=America/Chicago').set(env.admin.auth).expect(200))
      .body;
    expect(summary.connection).toMatchObject({ connected: true, status: 'reauth_required', overall: 'error' });
    expect(summary.today.parked).toBeGreaterThanOrEqual(2);
    expect(summary.week.parked).toBeGreaterThanOrEqual(summary.today.parked);
    expect(summary.today.received).toBe(
      Object.entries(summary.today)
        .filter(([k]) => !['received', 'since'].includes(k))
        .reduce((n, [, v]) => n + (v as number), 0),
    );
    const badZone = await env.t.http.get('/v1/integrations/meta/lead-pipeline/summary?tz=Mars/Olympus').set(env.admin.auth).expect(400);
    expect(JSON.stringify(badZone.body.error)).toMatch(/IANA time zone/);

    await connectOrganisation(env);
    expect(await integrationStatus()).toBe('active');
    // A replayed job that still meets the old token (a reconnect racing it) is retried with BullMQ's backoff, which
    // can take longer than the default wait on a loaded machine; the bound is generous, the outcome is strict.
    const stored = await waitForStates(env.t, [first.id, second.id], [LeadSyncState.Stored], 90_000);
    expect(stored.every((row) => row.replays === 1)).toBe(true);
    expect(await storedLeadCount(env.t, first.id)).toBe(1);
    expect(await storedLeadCount(env.t, second.id)).toBe(1);
  }, 150_000);

  it('lets viewers read the timeline but only managers replay, and keeps other organisations out', async () => {
    const [lead] = await announce(1);
    const [sync] = await waitForStates(env.t, [lead.id], [LeadSyncState.Stored]);
    const viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    const list = await env.t.http.get('/v1/integrations/meta/lead-syncs').set(viewer.auth).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(sync.id);
    const id = sync.id;
    await env.t.http.post(`/v1/integrations/meta/lead-syncs/${id}/replay`).set(viewer.auth).expect(403);
    await env.t.http.post('/v1/integrations/meta/lead-syncs/replay').set(viewer.auth).send({ state: 'failed' }).expect(403);
    await env.t.http.post('/v1/integrations/meta/lead-syncs/replay').send({ state: 'failed' }).expect(401);

    const manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    await env.t.http.post('/v1/integrations/meta/lead-syncs/replay').set(manager.auth).send({ state: 'parked' }).expect(200);

    const { admin: other } = await createOrganisationWithAdmin(env.t, 'Other Agency');
    await env.t.http.get(`/v1/integrations/meta/lead-syncs/${id}`).set(other.auth).expect(404);
    await env.t.http.post(`/v1/integrations/meta/lead-syncs/${id}/replay`).set(other.auth).expect(404);
    expect((await env.t.http.get('/v1/integrations/meta/lead-syncs').set(other.auth).expect(200)).body.total).toBe(0);
  });
});
