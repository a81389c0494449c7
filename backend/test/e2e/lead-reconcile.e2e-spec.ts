import { getQueueToken } from '@nestjs/bullmq';
import { ErrorCode, MetaIntegrationStatus, Role, SendTestLeadResult, SyncLeadsResult } from '@legeai/contracts';
import type { MetaLeadFormDto } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { MetaGraphClient } from '../../src/infra/meta-graph';
import { APP_SCHEDULES } from '../../src/app.schedules';
import { LEAD_RECONCILE_JOBS, META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { ConnectionBreakers } from '../../src/modules/meta-auth/graph-breaker/connection-breakers.service';
import { MetaTokenVault } from '../../src/modules/meta-auth/token-vault/meta-token-vault.service';
import { auditActions, createOrganisationWithAdmin, createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(120_000);

/** A pattern of this test's own (the default runs every quarter hour): declared as configured, never due mid-test. */
const RECONCILE_CRON = '7 3 29 2 *';

interface FormRow {
  id: string;
  form_id: string;
  page_id: string;
  auto_sync: boolean;
  last_synced_at: Date | null;
}

/** Meta's `2026-11-20T14:03:11+0000` as a Date. */
const graphDate = (value: string) => new Date(value.replace(/\+0000$/, 'Z'));

describe('Lead reconciliation and test leads (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let queue: Queue;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  /** The form the lead tests create leads on (an active form of the demo world). */
  let form: FormRow;

  const db = () => env.t.dataSource;
  const forms = async (): Promise<FormRow[]> =>
    db().query(`SELECT id, form_id, page_id, auto_sync, last_synced_at FROM meta_lead_forms WHERE organisation_id = $1`, [
      env.admin.organisationId,
    ]);
  const mappingCounts = async (metaLeadIds: string[]): Promise<Map<string, number>> => {
    const rows: { meta_lead_id: string; n: number }[] = await db().query(
      `SELECT meta_lead_id, count(*)::int AS n FROM meta_lead_mappings WHERE organisation_id = $1 AND meta_lead_id = ANY($2::text[]) GROUP BY 1`,
      [env.admin.organisationId, metaLeadIds],
    );
    return new Map(rows.map((r) => [r.meta_lead_id, r.n]));
  };
  const leadCount = async (): Promise<number> =>
    (await db().query(`SELECT count(*)::int AS n FROM leads WHERE organisation_id = $1`, [env.admin.organisationId]))[0].n;
  const graphLeadCalls = (sinceSeq: number) =>
    env.sandbox.control.calls({ sinceSeq, limit: 1000 }).filter((call) => /\/leads(\?|$)/.test(call.path ?? ''));

  /** Enqueues the scheduled job as the scheduler would, then waits until it and every sweep it fanned out are done. */
  async function runScheduledSweep(): Promise<{ fanout: Record<string, number>; sweeps: Record<string, unknown>[] }> {
    const job = await queue.add(LEAD_RECONCILE_JOBS.all, {});
    let state = await job.getState();
    for (let i = 0; i < 600 && state !== 'completed' && state !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await job.getState();
    }
    expect(state).toBe('completed');
    const done = await queue.getJob(job.id!);
    const fanout = done!.returnvalue as Record<string, number>;
    const ids = (await db().query(`SELECT id FROM meta_lead_forms`)).map(
      (r: { id: string }) => `${LEAD_RECONCILE_JOBS.form}:${r.id}:${done!.timestamp}`,
    );
    const sweeps: Record<string, unknown>[] = [];
    for (const id of ids) {
      const sweep = await queue.getJob(id);
      if (!sweep) continue;
      let sweepState = await sweep.getState();
      for (let i = 0; i < 1200 && sweepState !== 'completed' && sweepState !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sweepState = await sweep.getState();
      }
      const finished = (await queue.getJob(id))!;
      sweeps.push({ id, state: sweepState, ...(finished.returnvalue ?? {}), failedReason: finished.failedReason });
    }
    return { fanout, sweeps };
  }

  const syncLeads = (user: SignedInUser, body: Record<string, unknown>) =>
    env.t.http.post('/v1/integrations/meta/sync-leads').set(user.auth).send(body);

  beforeAll(async () => {
    env = await startMetaTestEnv({ env: { LEAD_RECONCILE_CRON: RECONCILE_CRON } });
    await connectOrganisation(env);
    // Every webhook from here on is lost on the way: only the sweep can bring these leads in.
    env.sandbox.control.setFaults({ webhooks: { dropRate: 1 } });
    queue = env.t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    const active = env.sandbox.control.world().forms.filter((f) => f.status === 'ACTIVE' && f.leads > 0);
    form = (await forms()).find((f) => f.form_id === active[0].id)!;
    expect(form).toBeDefined();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('declares the sweep on the meta-leads queue with the configured cron pattern', () => {
    const schedule = APP_SCHEDULES.find((s) => s.id === 'meta-leads:reconcile-all')!;
    expect(schedule).toMatchObject({ queue: META_LEADS_QUEUE_NAME, jobName: LEAD_RECONCILE_JOBS.all });
    expect(schedule.repeat).toEqual({ pattern: RECONCILE_CRON, tz: 'UTC' });
  });

  it('the scheduled sweep stores leads whose webhooks were dropped, organic ones included, exactly once', async () => {
    const ad = env.sandbox.control.createLeads({ formId: form.form_id, count: 4, organic: false });
    const organic = env.sandbox.control.createLeads({ formId: form.form_id, count: 2, organic: true });
    const created = [...ad, ...organic];
    expect(env.sandbox.control.world().forms.find((f) => f.id === form.form_id)!.leads).toBeGreaterThan(created.length);

    const { fanout, sweeps } = await runScheduledSweep();
    const liveAutoSync = (await forms()).filter((f) => f.auto_sync).length;
    expect(fanout).toMatchObject({ integrations: 1, paused: 0, enqueued: liveAutoSync });
    expect(sweeps.every((s) => s.state === 'completed' && s.status === 'completed')).toBe(true);

    const counts = await mappingCounts(created.map((l) => l.id));
    expect(created.map((l) => counts.get(l.id))).toEqual(created.map(() => 1));
    const stored = await db().query(
      `SELECT m.meta_lead_id, m.source, l.is_organic FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 AND m.meta_lead_id = ANY($2::text[])`,
      [env.admin.organisationId, created.map((l) => l.id)],
    );
    expect(stored).toHaveLength(created.length);
    expect(stored.every((r: { source: string }) => r.source === 'backfill')).toBe(true);
    expect(
      stored
        .filter((r: { is_organic: boolean }) => r.is_organic)
        .map((r: { meta_lead_id: string }) => r.meta_lead_id)
        .sort(),
    ).toEqual(organic.map((l) => l.id).sort());

    // The whole history of every swept form came in too (first sweep: the retention window), one lead per Meta lead.
    const world = env.sandbox.control.world();
    const sweptForms = (await forms()).filter((f) => f.auto_sync).map((f) => f.form_id);
    const expected = world.forms.filter((f) => sweptForms.includes(f.id)).reduce((sum, f) => sum + f.leads, 0);
    expect(await leadCount()).toBe(expected);
  });

  it("moves the watermark to the newest lead's created_time, not to the time the sweep ended", async () => {
    const rows = await forms();
    const mine = rows.find((f) => f.id === form.id)!;
    const [newest] = await db().query(
      `SELECT max(meta_created_time) AS at FROM meta_lead_mappings WHERE organisation_id = $1 AND form_id = $2`,
      [env.admin.organisationId, form.form_id],
    );
    expect(new Date(mine.last_synced_at!).toISOString()).toBe(new Date(newest.at).toISOString());
    // A form whose newest lead is days old keeps a watermark days old, though it was swept a moment ago.
    const quiet = await db().query(
      `SELECT f.last_synced_at, max(m.meta_created_time) AS newest FROM meta_lead_forms f
         JOIN meta_lead_mappings m ON m.form_id = f.form_id AND m.organisation_id = f.organisation_id
        WHERE f.organisation_id = $1 AND f.id <> $2 GROUP BY f.id HAVING max(m.meta_created_time) < now() - interval '1 hour'`,
      [env.admin.organisationId, form.id],
    );
    expect(quiet.length).toBeGreaterThan(0);
    for (const row of quiet) expect(new Date(row.last_synced_at).toISOString()).toBe(new Date(row.newest).toISOString());
  });

  it('a second sweep stores nothing new; the overlap re-reads recent leads and counts them as existing', async () => {
    const before = await leadCount();
    const watermark = (await forms()).find((f) => f.id === form.id)!.last_synced_at;
    const { sweeps } = await runScheduledSweep();
    expect(await leadCount()).toBe(before);
    const mine = sweeps.find((s) => String(s.id).includes(form.id))!;
    // The six leads created a moment ago lie inside the overlap (watermark minus 30 minutes): read again, not stored again.
    expect(mine).toMatchObject({ status: 'completed', created: 0, watermarkAdvanced: false });
    expect(mine.existing).toBeGreaterThanOrEqual(6);
    expect(mine.fetched).toBe(mine.existing);
    expect((await forms()).find((f) => f.id === form.id)!.last_synced_at).toEqual(watermark);
    // The Meta page says when the form was last reconciled, and what the sweep read.
    const listed = (await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body as MetaLeadFormDto[];
    const shown = listed.find((f) => f.id === form.id)!;
    expect(shown.lastReconcileOutcome).toBe('ok');
    expect(shown.lastReconcileNote).toBe(`Read ${String(mine.fetched)} leads from Meta, 0 new`);
    expect(Date.now() - Date.parse(shown.lastReconciledAt!)).toBeLessThan(60_000);
  });

  it('discovers a form created at Meta since the last run, sweeps it (auto-sync by default) and stores its leads', async () => {
    // The sandbox has no call that creates forms, so one is added to its world the way its scenarios build them.
    const world = (env.sandbox.control as unknown as { runtime: { world: SandboxWorld; clock: { now(): number } } }).runtime.world;
    const template = world.forms.get(form.form_id)!;
    const newFormId = world.ids.next('object');
    world.forms.set(newFormId, {
      ...template,
      id: newFormId,
      name: 'Renters quote (new)',
      status: 'ACTIVE',
      createdTime: world.clock.now(),
    });
    world.register(newFormId, 'LeadgenForm');
    const leads = env.sandbox.control.createLeads({ formId: newFormId, count: 3 });

    const { fanout } = await runScheduledSweep();
    expect(fanout.formsAdded).toBe(1);
    const discovered = (await forms()).find((f) => f.form_id === newFormId)!;
    expect(discovered).toMatchObject({ auto_sync: true });
    const counts = await mappingCounts(leads.map((l) => l.id));
    expect(leads.map((l) => counts.get(l.id))).toEqual([1, 1, 1]);
    expect(new Date(discovered.last_synced_at!).toISOString()).toBe(
      new Date(Math.max(...leads.map((l) => graphDate(l.created_time).getTime()))).toISOString(),
    );
  });

  it('sync-leads reports how many leads of a range were new and how many already existed', async () => {
    // Meta's created_time has whole seconds: without this step the fresh leads can share the second of the current
    // watermark (set by the leads of the tests before), and then the watermark rightly does not move.
    env.sandbox.control.advanceClock(1_500);
    const fresh = env.sandbox.control.createLeads({ formId: form.form_id, count: 3 });
    const from = new Date(Date.now() - 7 * 86_400_000);
    const [{ n: known }] = await db().query(
      `SELECT count(*)::int AS n FROM meta_lead_mappings WHERE organisation_id = $1 AND form_id = $2 AND meta_created_time >= $3`,
      [env.admin.organisationId, form.form_id, from],
    );
    const res = await syncLeads(manager, { formId: form.form_id, from: from.toISOString() }).expect(200);
    const body = res.body as SyncLeadsResult;
    expect(body).toMatchObject({
      formId: form.id,
      metaFormId: form.form_id,
      created: 3,
      existing: known,
      to: null,
      watermarkAdvanced: true,
    });
    expect(body.fetched).toBe(3 + known);
    expect(body.watermark).toBe(new Date(Math.max(...fresh.map((l) => graphDate(l.created_time).getTime()))).toISOString());
    const counts = await mappingCounts(fresh.map((l) => l.id));
    expect(fresh.map((l) => counts.get(l.id))).toEqual([1, 1, 1]);

    // The same range again: everything already exists. By our form id this time.
    const again = (await syncLeads(manager, { formId: form.id, from: from.toISOString() }).expect(200)).body as SyncLeadsResult;
    expect(again).toMatchObject({
      created: 0,
      existing: 3 + known,
      fetched: 3 + known,
      watermark: body.watermark,
      watermarkAdvanced: false,
    });

    // A closed range in the past reads only that slice and leaves the watermark alone.
    const to = new Date(Date.now() - 86_400_000);
    const [{ n: older }] = await db().query(
      `SELECT count(*)::int AS n FROM meta_lead_mappings WHERE organisation_id = $1 AND form_id = $2 AND meta_created_time >= $3 AND meta_created_time < $4`,
      [env.admin.organisationId, form.form_id, from, to],
    );
    const slice = (await syncLeads(manager, { formId: form.form_id, from: from.toISOString(), to: to.toISOString() }).expect(200))
      .body as SyncLeadsResult;
    expect(slice).toMatchObject({
      created: 0,
      existing: older,
      fetched: older,
      to: to.toISOString(),
      watermark: body.watermark,
      watermarkAdvanced: false,
    });

    const audit = await auditActions(env.t, env.admin.organisationId);
    expect(audit.filter((a) => a.action === 'meta.leads_synced')).toHaveLength(3);
  });

  it('sync-leads validates its input (400), needs a manager (403) and is scoped to the organisation (404)', async () => {
    const invalid = [
      {},
      { formId: 'not-a-form' },
      { formId: form.form_id, from: 'yesterday' },
      { formId: form.form_id, to: '2026-13-45' },
      { formId: form.form_id, unexpected: true },
      { formId: form.form_id, from: new Date(Date.now() + 86_400_000).toISOString() },
      { formId: form.form_id, from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    ];
    for (const body of invalid) {
      const res = await syncLeads(manager, body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code: ErrorCode.ValidationFailed });
    }
    await syncLeads(viewer, { formId: form.form_id }).expect(403);
    await env.t.http.post('/v1/integrations/meta/sync-leads').send({ formId: form.form_id }).expect(401);
    const missing = await syncLeads(manager, { formId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(missing.body.error.code).toBe(ErrorCode.NotFound);
    const other = await createOrganisationWithAdmin(env.t, 'Other Reconcile Agency');
    const foreign = await syncLeads(other.admin, { formId: form.id }).expect(404);
    expect(foreign.body.error.code).toBe(ErrorCode.MetaNotConnected);
    await env.t.http.post(`/v1/integrations/meta/lead-forms/${form.id}/test-lead`).set(other.admin.auth).expect(404);
  });

  it('sends a test lead to the form, which arrives through the webhook pipeline flagged as a test lead', async () => {
    env.sandbox.control.clearFaults();
    try {
      const first = (await env.t.http.post(`/v1/integrations/meta/lead-forms/${form.id}/test-lead`).set(manager.auth).expect(200))
        .body as SendTestLeadResult;
      expect(first.leadgenId).toMatch(/^\d+$/);
      expect(first.replacedLeadgenId).toBeNull();
      expect(await testLeadsAtMeta()).toEqual([first.leadgenId]);
      await env.sandbox.control.flushWebhooks();
      let stored: { source: string; is_test: boolean }[] = [];
      for (let i = 0; i < 300 && stored.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        stored = await db().query(
          `SELECT m.source, l.is_test FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id WHERE m.organisation_id = $1 AND m.meta_lead_id = $2`,
          [env.admin.organisationId, first.leadgenId],
        );
      }
      expect(stored).toEqual([{ source: 'webhook', is_test: true }]);
    } finally {
      env.sandbox.control.setFaults({ webhooks: { dropRate: 1 } });
    }
  });

  it('a second test lead replaces the first (Meta allows one per form)', async () => {
    const [first] = await testLeadsAtMeta();
    expect(first).toBeDefined();

    const second = (await env.t.http.post(`/v1/integrations/meta/lead-forms/${form.id}/test-lead`).set(manager.auth).expect(200))
      .body as SendTestLeadResult;
    expect(second.replacedLeadgenId).toBe(first);
    expect(second.leadgenId).not.toBe(first);
    expect(await testLeadsAtMeta()).toEqual([second.leadgenId]);

    await env.t.http.post(`/v1/integrations/meta/lead-forms/${form.id}/test-lead`).set(viewer.auth).expect(403);
    await env.t.http.post(`/v1/integrations/meta/lead-forms/not-a-uuid/test-lead`).set(manager.auth).expect(400);
    await env.t.http.post(`/v1/integrations/meta/lead-forms/00000000-0000-4000-8000-000000000000/test-lead`).set(manager.auth).expect(404);
    const audit = await auditActions(env.t, env.admin.organisationId);
    expect(audit.filter((a) => a.action === 'meta.test_lead_sent')).toHaveLength(2);

    // The sweep stores it too (the webhook was dropped), flagged as a test lead.
    await syncLeads(manager, { formId: form.id }).expect(200);
    const [stored] = await db().query(
      `SELECT l.is_test FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id WHERE m.organisation_id = $1 AND m.meta_lead_id = $2`,
      [env.admin.organisationId, second.leadgenId],
    );
    expect(stored).toEqual({ is_test: true });
  });

  it("sweeps wait while the connection's Graph calls are paused: nothing is read, sync-leads answers 409 naming the pause", async () => {
    const [integration] = await db().query(`SELECT id FROM meta_integrations WHERE organisation_id = $1 AND status = 'active'`, [
      env.admin.organisationId,
    ]);
    await db().query(
      `INSERT INTO meta_graph_breakers (integration_id, organisation_id, state, failures, since, probe_at, wait_ms)
       VALUES ($1, $2, 'open', 12, now(), now() + interval '1 hour', 10000)`,
      [integration.id, env.admin.organisationId],
    );
    // The app reads the breakers again once its copy is older than META_BREAKER_REFRESH_MS (2 s by default).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const seq = env.sandbox.control.calls({ limit: 1 }).at(-1)?.seq ?? 0;
    const before = await leadCount();

    const res = await syncLeads(manager, { formId: form.id }).expect(409);
    expect(res.body.error.code).toBe(ErrorCode.Conflict);
    expect(res.body.error.message).toMatch(/Meta calls for this connection are paused since \S+ after 12 failures; next probe at \S+/);
    const { sweeps } = await runScheduledSweep();
    expect(sweeps.length).toBeGreaterThan(0);
    expect(sweeps.filter((sweep) => sweep.status !== 'skipped' || !/paused/.test(String(sweep.reason)))).toEqual([]);
    expect(graphLeadCalls(seq)).toEqual([]);
    expect(await leadCount()).toBe(before);

    // Meta answers again (here: as a probe would report it), and so does the next sync.
    await env.t.app.get(ConnectionBreakers).succeeded(integration.id);
    await syncLeads(manager, { formId: form.id }).expect(200);
  });

  it('an auth error during a sweep moves the connection to reauth_required and stops; later sweeps are paused', async () => {
    env.sandbox.control.invalidateTokens({ userId: env.sandbox.control.world().userId!, reason: 'password_changed' });
    const before = await leadCount();
    const res = await syncLeads(manager, { formId: form.id }).expect(409);
    expect(res.body.error.code).toBe(ErrorCode.MetaReauthRequired);
    const [integration] = await db().query(`SELECT status FROM meta_integrations WHERE organisation_id = $1`, [env.admin.organisationId]);
    expect(integration.status).toBe(MetaIntegrationStatus.ReauthRequired);
    const audit = await auditActions(env.t, env.admin.organisationId);
    expect(audit.filter((a) => a.action === 'meta.reauth_required')).toHaveLength(1);

    const seq = env.sandbox.control.calls({ limit: 1 }).at(-1)?.seq ?? 0;
    const { fanout, sweeps } = await runScheduledSweep();
    expect(fanout).toMatchObject({ integrations: 1, paused: 1, enqueued: 0 });
    expect(sweeps).toEqual([]);
    expect(graphLeadCalls(seq)).toEqual([]);
    expect(await leadCount()).toBe(before);
    const paused = await syncLeads(manager, { formId: form.id }).expect(409);
    expect(paused.body.error.code).toBe(ErrorCode.MetaReauthRequired);
    const listed = (await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body as MetaLeadFormDto[];
    expect(listed.find((f) => f.id === form.id)).toMatchObject({ lastReconcileOutcome: expect.stringMatching(/^(failed|skipped)$/) });
    expect(listed.find((f) => f.id === form.id)!.lastReconcileNote).toMatch(/^(Stopped|Skipped): /);
  });

  /** The test leads Meta holds for the form, read with the page token as the app does. */
  async function testLeadsAtMeta(): Promise<string[]> {
    const [page] = await db().query(
      `SELECT page_id, page_access_token_ciphertext AS ciphertext, page_access_token_key_id AS "keyId" FROM meta_pages WHERE id = $1`,
      [form.page_id],
    );
    const token = env.t.app.get(MetaTokenVault).open(env.admin.organisationId, page)!;
    const answer = await env.t.app
      .get(MetaGraphClient)
      .get<{ data: { id: string }[] }>(`${form.form_id}/test_leads`, { fields: 'id' }, { accessToken: token });
    return answer.data.map((lead) => lead.id);
  }
});

/** The part of the sandbox's in-memory world this spec touches. */
interface SandboxWorld {
  forms: Map<string, { id: string; name: string; status: string; createdTime: number } & Record<string, unknown>>;
  ids: { next(kind: string): string };
  clock: { now(): number };
  register(id: string, nodeType: string): void;
}
