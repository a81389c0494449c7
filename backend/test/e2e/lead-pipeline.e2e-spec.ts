import { getQueueToken } from '@nestjs/bullmq';
import { LeadSyncState } from '@legeai/contracts';
import type { MetaLeadFormDto, MetaPageDto } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { META_LEADS_QUEUE_NAME } from '../../src/modules/meta-leads';
import { leadgenJobId } from '../../src/modules/meta-leads/meta-leads.jobs';
import { FormLeadCounts } from '../../src/modules/meta-leads/ingest/form-lead-counts';
import { LeadIngestService, withinTogether } from '../../src/modules/meta-leads/ingest/lead-ingest.service';
import { LeadTableStatistics } from '../../src/modules/meta-leads/ingest/lead-table-statistics';
import { createOrganisationWithAdmin } from '../utils/identity-fixtures';
import { leadgenDelivery, signedDelivery } from '../utils/leadgen-delivery';
import { storedLeadCount, syncRows, waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { TEST_QUEUE_BACKEND } from '../utils/test-services';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(120_000);

const AUTO_FORM = '555000000000101';
const MAIN_PAGE = '153125381133001';

describe('Lead pipeline: webhook → Graph fetch → mapping → store (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'lead-pipeline-e2e', webhookTimeoutMs: 5000, fastGraphPauses: true });
    await connectOrganisation(env);
  });
  afterAll(() => env?.close());

  const createLeads = (count: number, formId = AUTO_FORM) => env.sandbox.control.createLeads({ formId, count });
  const post = (body: string) => {
    const signed = signedDelivery(body);
    return env.t.http
      .post('/v1/integrations/meta/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signed.signature)
      .send(signed.body);
  };

  it('stores a sandbox lead announced by its webhook once, mapped and attributed, with its timeline', async () => {
    const [created] = createLeads(1);
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);

    expect(sync.organisation_id).toBe(env.admin.organisationId);
    expect(sync.fetched_at).not.toBeNull();
    expect(sync.mapped_at).not.toBeNull();
    expect(sync.stored_at).not.toBeNull();
    const [lead] = await env.t.dataSource.query(`SELECT * FROM leads WHERE id = $1`, [sync.lead_id]);
    expect(lead).toMatchObject({
      organisation_id: env.admin.organisationId,
      source: 'meta_lead_ads',
      page_id: MAIN_PAGE,
      form_id: AUTO_FORM,
    });
    expect(lead.email_normalized ?? lead.phone_e164).toBeTruthy();
    expect(lead.raw_answers.length).toBeGreaterThan(0);
    if (!created.is_organic) expect(lead.campaign_id).toMatch(/^\d+$/);
    expect(await storedLeadCount(env.t, created.id)).toBe(1);

    const [inbox] = await env.t.dataSource.query(
      `SELECT status, processed_at FROM meta_webhook_inbox WHERE id = (SELECT inbox_id FROM meta_lead_syncs WHERE id = $1)`,
      [sync.id],
    );
    expect(inbox.status).toBe('processed');

    const res = await env.t.http.get(`/v1/integrations/meta/lead-syncs/${sync.id}`).set(env.admin.auth).expect(200);
    expect(res.body).toMatchObject({ leadgenId: created.id, state: 'stored', leadId: sync.lead_id, errorKind: null });
    expect(Date.parse(res.body.receivedAt)).toBeLessThanOrEqual(Date.parse(res.body.fetchedAt));
    expect(Date.parse(res.body.fetchedAt)).toBeLessThanOrEqual(Date.parse(res.body.storedAt));
  });

  it('stores one lead for a delivery received 3 times and for 20 concurrent copies of another', async () => {
    const [a, b] = createLeads(2);
    await env.sandbox.control.flushWebhooks();
    await waitForStates(env.t, [a.id, b.id], [LeadSyncState.Stored]);

    // Differently timed bodies are separate inbox rows; the store still keeps one lead per leadgen id.
    for (let i = 0; i < 3; i++) await post(leadgenDelivery([a], 1764400100 + i)).expect(200);
    const copies = await Promise.all(Array.from({ length: 20 }, (_, i) => post(leadgenDelivery([b], 1764400200 + i))));
    expect(copies.every((r) => r.status === 200)).toBe(true);
    await waitForStates(env.t, [a.id, b.id], [LeadSyncState.Stored]);
    expect(await storedLeadCount(env.t, a.id)).toBe(1);
    expect(await storedLeadCount(env.t, b.id)).toBe(1);
  });

  it('stores every lead of one delivery carrying several entries and changes', async () => {
    const auto = createLeads(2, AUTO_FORM);
    const spanish = createLeads(1, '555000000000201');
    // The sandbox's own webhooks are delivered too; the deterministic job ids and the store make that harmless.
    const body = leadgenDelivery([...auto, ...spanish], 1764400300);
    expect(JSON.parse(body).entry).toHaveLength(2);
    await post(body).expect(200);
    const ids = [...auto, ...spanish].map((l) => l.id);
    const rows = await waitForStates(env.t, ids, [LeadSyncState.Stored]);
    expect(rows).toHaveLength(3);
    for (const id of ids) expect(await storedLeadCount(env.t, id)).toBe(1);
  });

  it('replaying a stored lead goes through the store again and creates no duplicate', async () => {
    const [created] = createLeads(1);
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    const before = env.sandbox.control.counters().graphCalls;

    const res = await env.t.http.post(`/v1/integrations/meta/lead-syncs/${sync.id}/replay`).set(env.admin.auth).expect(200);
    expect(res.body.replays).toBe(1);
    const queue = env.t.app.get<Queue>(getQueueToken(META_LEADS_QUEUE_NAME));
    await waitFor('the replay job to finish', async () =>
      (await queue.getJob(`${leadgenJobId(created.page_id, created.id)}-r1`))?.isCompleted(),
    );
    const [after] = await syncRows(env.t, [created.id]);
    expect(after.attempts).toBe(sync.attempts + 1);
    expect(after.state).toBe(LeadSyncState.Stored);
    expect(after.replays).toBe(1);
    expect(after.lead_id).toBe(sync.lead_id);
    // The replay really read the lead again from Meta; the database refused the second copy.
    expect(env.sandbox.control.counters().graphCalls).toBeGreaterThan(before);
    expect(await storedLeadCount(env.t, created.id)).toBe(1);
    const audit = await env.t.dataSource.query(
      `SELECT action FROM audit_log WHERE organisation_id = $1 AND action = 'meta.lead_sync_replayed'`,
      [env.admin.organisationId],
    );
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('reads 100 leads announced together with at most 5 Graph HTTP requests', async () => {
    const before = env.sandbox.control.counters().httpRequests;
    const created = createLeads(100);
    await env.sandbox.control.flushWebhooks();
    await waitForStates(
      env.t,
      created.map((l) => l.id),
      [LeadSyncState.Stored],
      60_000,
    );
    const requests = env.sandbox.control.counters().httpRequests - before;
    expect(requests).toBeGreaterThanOrEqual(2);
    expect(requests).toBeLessThanOrEqual(5);
  });

  it('lets the database decide between 20 concurrent stores of the same lead', async () => {
    const [created] = createLeads(1);
    await env.sandbox.control.flushWebhooks();
    await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    const lead = created;
    const graphLead = {
      id: lead.id,
      created_time: lead.created_time,
      form_id: lead.form_id,
      field_data: [{ name: 'email', values: ['race@example.com'] }],
    };
    // Another organisation has no copy yet, so twenty concurrent copies race to create it there.
    const { admin: other } = await createOrganisationWithAdmin(env.t, 'Race Agency');
    const ingest = env.t.app.get(LeadIngestService);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        ingest.ingest({ organisationId: other.organisationId, graphLead, pageId: lead.page_id, source: 'webhook' }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
    expect(new Set(results.map((r) => r.leadId)).size).toBe(1);
    expect(await storedLeadCount(env.t, lead.id, other.organisationId)).toBe(1);
    expect(await storedLeadCount(env.t, lead.id, env.admin.organisationId)).toBe(1);
  });

  it('links concurrent leads of one person to the earliest, by email before phone, and counts them on the form', async () => {
    const { admin: org } = await createOrganisationWithAdmin(env.t, 'Person Agency');
    const ingest = env.t.app.get(LeadIngestService);
    const person = (id: string, second: number, answers: Record<string, string>) => ({
      id,
      created_time: `2026-11-20T10:00:${String(second).padStart(2, '0')}+0000`,
      form_id: AUTO_FORM,
      field_data: Object.entries(answers).map(([name, value]) => ({ name, values: [value] })),
    });
    const leads = [
      person('990000000000001', 1, { email: 'Same.Person@Example.com', phone_number: '+1 415 555 0100' }),
      person('990000000000002', 2, { email: 'same.person@example.com' }),
      person('990000000000003', 3, { phone_number: '+14155550100' }),
      person('990000000000004', 4, { email: 'someone.else@example.com' }),
    ];
    // The earliest is stored first; the other three arrive together and must all see it.
    const first = await ingest.ingest({ organisationId: org.organisationId, graphLead: leads[0], pageId: MAIN_PAGE, source: 'backfill' });
    const rest = await Promise.all(
      leads
        .slice(1)
        .map((graphLead) => ingest.ingest({ organisationId: org.organisationId, graphLead, pageId: MAIN_PAGE, source: 'backfill' })),
    );
    expect(first.duplicateOfId).toBeNull();
    expect(rest.map((r) => r.duplicateOfId)).toEqual([first.leadId, first.leadId, null]);
    const stored = (await env.t.dataSource.query(
      `SELECT m.meta_lead_id, l.duplicate_of_id, l.duplicate_rule FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 ORDER BY m.meta_lead_id`,
      [org.organisationId],
    )) as { meta_lead_id: string; duplicate_of_id: string | null; duplicate_rule: string | null }[];
    expect(stored.map((r) => [r.meta_lead_id, r.duplicate_of_id, r.duplicate_rule])).toEqual([
      ['990000000000001', null, null],
      ['990000000000002', first.leadId, 'email'],
      ['990000000000003', first.leadId, 'phone'],
      ['990000000000004', null, null],
    ]);

    // The form's stored count moves with the stored leads, written in bulk after the commits; Meta's own count
    // (`leads_count`, set at asset refreshes) is kept apart.
    const countOf = async (organisationId: string) =>
      (
        (await env.t.dataSource.query(`SELECT leads_stored FROM meta_lead_forms WHERE organisation_id = $1 AND form_id = $2`, [
          organisationId,
          AUTO_FORM,
        ])) as {
          leads_stored: number;
        }[]
      )[0]?.leads_stored;
    const atMeta = async () =>
      ((await env.t.http.get('/v1/integrations/meta/lead-forms').set(env.admin.auth).expect(200)).body as MetaLeadFormDto[]).find(
        (f) => f.formId === AUTO_FORM,
      )!;
    const metaBefore = (await atMeta()).leadsAtMeta;
    const counts = env.t.app.get(FormLeadCounts);
    await counts.flush();
    const before = await countOf(env.admin.organisationId);
    const [created] = createLeads(1);
    await env.sandbox.control.flushWebhooks();
    await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    await counts.flush();
    await waitFor('the form count to move', async () => ((await countOf(env.admin.organisationId)) === before + 1 ? true : null));
    const shown = await atMeta();
    expect(shown.leadsStored).toBe(before! + 1);
    // Meta's number moves only when the assets are read again: it never mixes with ours.
    expect(shown.leadsAtMeta).toBe(metaBefore);
  });

  it('stores leads handed over together in one transaction: links persons within the group, keeps exactly-once, isolates a failing lead', async () => {
    const { admin: org } = await createOrganisationWithAdmin(env.t, 'Group Agency');
    const ingest = env.t.app.get(LeadIngestService);
    const person = (id: string, second: number, answers: Record<string, string>) => ({
      id,
      created_time: `2026-11-21T10:00:${String(second).padStart(2, '0')}+0000`,
      form_id: AUTO_FORM,
      field_data: Object.entries(answers).map(([name, value]) => ({ name, values: [value] })),
    });
    const input = (graphLead: ReturnType<typeof person>) => ({
      organisationId: org.organisationId,
      graphLead,
      pageId: MAIN_PAGE,
      source: 'webhook' as const,
    });
    const stored = await ingest.ingest(input(person('991000000000000', 0, { email: 'stored@example.com' })));
    const group = [
      person('991000000000004', 4, { email: 'Group.Person@example.com' }),
      person('991000000000001', 1, { email: 'group.person@example.com', phone_number: '+14155550199' }),
      person('991000000000003', 3, { phone_number: '+1 415 555 0199' }),
      person('991000000000000', 0, { email: 'stored@example.com' }),
      person('991000000000005', 5, { email: 'stored@example.com' }),
    ];
    const within: string[] = [];
    const together: string[][] = [];
    const results = await Promise.all(
      group.map((graphLead) =>
        ingest.ingestTogether(input(graphLead), {
          within: async () => void within.push(graphLead.id),
          withinTogether: withinTogether(
            'group-step',
            graphLead.id,
            async (_tx, entries) => void together.push(entries.map((e) => e.item)),
          ),
        }),
      ),
    );
    const [later, earliest, byPhone, again, ofStored] = results;
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'existing', 'created']);
    expect(earliest.duplicateOfId).toBeNull();
    expect([later.duplicateOfId, byPhone.duplicateOfId]).toEqual([earliest.leadId, earliest.leadId]);
    expect(again.leadId).toBe(stored.leadId);
    expect(ofStored.duplicateOfId).toBe(stored.leadId);
    expect(within.sort()).toEqual(group.map((l) => l.id).sort());
    // The group's shared step ran once, for every lead of it.
    expect(together.map((ids) => ids.sort())).toEqual([group.map((l) => l.id).sort()]);
    // One transaction wrote all the new ones.
    const writers = (await env.t.dataSource.query(
      `SELECT count(DISTINCT l.xmin::text)::int AS n FROM meta_lead_mappings m JOIN leads l ON l.id = m.legeai_lead_id
        WHERE m.organisation_id = $1 AND m.meta_lead_id = ANY($2)`,
      [org.organisationId, ['991000000000001', '991000000000003', '991000000000004', '991000000000005']],
    )) as { n: number }[];
    expect(writers[0].n).toBe(1);

    // A lead whose step in the transaction fails rolls its group back; the others are then stored one by one.
    const failing = [person('991000000000010', 10, { email: 'a@example.com' }), person('991000000000011', 11, { email: 'b@example.com' })];
    const settled = await Promise.allSettled(
      failing.map((graphLead, i) =>
        ingest.ingestTogether(input(graphLead), {
          within: async () => {
            if (i === 1) throw new Error('timeline step failed');
          },
        }),
      ),
    );
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await storedLeadCount(env.t, failing[0].id, org.organisationId)).toBe(1);
    expect(await storedLeadCount(env.t, failing[1].id, org.organisationId)).toBe(0);

    // Groups sharing persons in opposite orders and the same lead twice: no deadlock, one lead each.
    const shared = [
      person('991000000000020', 20, { email: 'x@example.com', phone_number: '+14155550111' }),
      person('991000000000021', 21, { email: 'y@example.com', phone_number: '+14155550111' }),
    ];
    const racing = await Promise.all(
      [...shared, ...[...shared].reverse(), shared[0]].map((graphLead) => ingest.ingestTogether(input(graphLead))),
    );
    expect(racing.filter((r) => r.outcome === 'created')).toHaveLength(2);
    expect(await storedLeadCount(env.t, shared[0].id, org.organisationId)).toBe(1);
    expect(await storedLeadCount(env.t, shared[1].id, org.organisationId)).toBe(1);
  });

  it('gives the leads table planner statistics when nothing has analyzed it yet, once', async () => {
    const statistics = env.t.app.get(LeadTableStatistics);
    await statistics.analyzeIfNeverAnalyzed();
    // Whoever analyzed it (this call, or autovacuum first), the table now has statistics and a second call does nothing.
    await waitFor('the leads table to have been analyzed', async () => {
      const [row] = (await env.t.dataSource.query(
        `SELECT last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relid = 'leads'::regclass`,
      )) as { analyzed: boolean }[];
      return row.analyzed;
    });
    expect(await statistics.analyzeIfNeverAnalyzed()).toBe(false);
  });

  it('routes a lead to the one organisation that has its Page connected; a second one connecting it is told so', async () => {
    const { admin: second } = await createOrganisationWithAdmin(env.t, 'Second Agency');
    await connectOrganisation(env, second);
    const pages = (await env.t.http.get('/v1/integrations/meta/pages').set(second.auth).expect(200)).body as MetaPageDto[];
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.connectedElsewhere && !p.isActive && !p.subscribed)).toBe(true);
    const refresh = await env.t.http.post('/v1/integrations/meta/refresh').set(second.auth).expect(409);
    expect(refresh.body.error).toMatchObject({ code: 'page_connected_elsewhere', message: expect.stringMatching(/another organisation/) });

    const [created] = createLeads(1);
    await env.sandbox.control.flushWebhooks();
    await waitFor(
      'the connecting organisation to store the lead',
      async () => (await storedLeadCount(env.t, created.id, env.admin.organisationId)) === 1,
    );
    const rows = await syncRows(env.t, [created.id]);
    expect(rows.map((r) => r.organisation_id)).toEqual([env.admin.organisationId]);
    expect(await storedLeadCount(env.t, created.id, second.organisationId)).toBe(0);
  });

  it('lists lead syncs by state and reports activity for the organisation', async () => {
    const list = await env.t.http.get('/v1/integrations/meta/lead-syncs?state=stored&limit=5').set(env.admin.auth).expect(200);
    expect(list.body.items).toHaveLength(5);
    expect(list.body.total).toBeGreaterThanOrEqual(100);
    expect(list.body.items.every((s: { state: string }) => s.state === 'stored')).toBe(true);
    await env.t.http.get('/v1/integrations/meta/lead-syncs?state=bogus').set(env.admin.auth).expect(400);
    await env.t.http.get('/v1/integrations/meta/lead-syncs/not-a-uuid').set(env.admin.auth).expect(400);
    await env.t.http.get('/v1/integrations/meta/lead-syncs/00000000-0000-4000-8000-000000000000').set(env.admin.auth).expect(404);
    await env.t.http.post('/v1/integrations/meta/lead-syncs/replay').set(env.admin.auth).send({ state: 'stored' }).expect(400);

    const activity = await env.t.http.get('/v1/integrations/meta/activity').set(env.admin.auth).expect(200);
    expect(activity.body.syncs.stored).toBeGreaterThanOrEqual(100);
    expect(activity.body.syncs.failed).toBe(0);
    expect(activity.body.deliveries.length).toBeGreaterThan(0);
    expect(activity.body.deliveries[0]).toEqual(
      expect.objectContaining({ status: expect.any(String), changeCount: expect.any(Number), receivedAt: expect.any(String) }),
    );
    expect(activity.body.queues.map((q: { queue: string }) => q.queue)).toEqual(['meta-leads']);
    // The completed count says its window: what the queue keeps, the last 1,000 of 7 days on Redis, a day on PostgreSQL.
    expect(activity.body.queues[0].completed).toBeGreaterThan(0);
    expect(activity.body.queues[0].completedKept).toEqual(
      TEST_QUEUE_BACKEND === 'redis' ? { count: 1000, ageSeconds: 7 * 24 * 3600 } : { count: null, ageSeconds: 24 * 3600 },
    );
  });
});
