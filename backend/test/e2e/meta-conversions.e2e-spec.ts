import { createHash } from 'node:crypto';
import { DEMO_DATASET_ID, DEMO_IDS } from '@legeai/meta-sandbox';
import { LeadStatus, LeadSyncState, Role, type CapiEventDto } from '@legeai/contracts';
import { LeadLifecycleHooks } from '../../src/modules/leads';
import { CapiSenderService } from '../../src/modules/meta-conversions/send/capi-sender.service';
import { createUserAndLogin, auditActions, type SignedInUser } from '../utils/identity-fixtures';
import { waitForStates } from '../utils/lead-sync-rows';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(180_000);

const ACT = `act_${DEMO_IDS.adAccounts.autoHome}`;
const TEST_CODE = 'TEST_E2E_CAPI';
const sha = (v: string) => createHash('sha256').update(v).digest('hex');

interface StoredLead {
  id: string;
  metaLeadId: string;
  email: string | null;
  phoneE164: string | null;
}

describe('MetaConversions: lead stages to the Conversions API for CRM (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let viewer: SignedInUser;
  let manager: SignedInUser;
  const base = '/v1/integrations/meta/conversions';
  const http = () => env.t.http;
  /** What the sandbox received with our test code (Events Manager's "Test events"). */
  const received = (eventName?: string) =>
    env.sandbox.control.conversions.events({ datasetId: DEMO_DATASET_ID, testEventCode: TEST_CODE, ...(eventName && { eventName }) });
  const receivedFor = (lead: StoredLead, eventName: string) =>
    received(eventName).filter((e) => String((e.event['user_data'] as Record<string, unknown>)['lead_id']) === lead.metaLeadId);
  const eventsOf = async (leadId: string): Promise<CapiEventDto[]> =>
    (await http().get(`${base}/events`).query({ leadId }).set(viewer.auth).expect(200)).body.items;
  const eventOf = async (lead: StoredLead, status: LeadStatus) => (await eventsOf(lead.id)).find((e) => e.status === status);
  const settled = (lead: StoredLead, status: LeadStatus, state: CapiEventDto['state'] = 'accepted') =>
    waitFor(`${status} event of ${lead.metaLeadId} ${state}`, async () => {
      const event = await eventOf(lead, status);
      return event?.state === state ? event : undefined;
    });
  const moveTo = (lead: StoredLead, status: LeadStatus, user: SignedInUser = manager) =>
    http().patch(`/v1/leads/${lead.id}/status`).set(user.auth).send({ status }).expect(200);

  /** Meta leads from the sandbox's auto form, through the webhook, stored. */
  async function metaLeads(count: number, organic = false): Promise<StoredLead[]> {
    const created = env.sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count, organic });
    await env.sandbox.control.flushWebhooks();
    const syncs = await waitForStates(
      env.t,
      created.map((c) => c.id),
      [LeadSyncState.Stored],
    );
    const leads: StoredLead[] = [];
    for (const sync of syncs) {
      const [row] = await env.t.dataSource.query(
        `SELECT id, COALESCE(email_normalized, email) AS email, phone_e164 AS "phoneE164" FROM leads WHERE id = $1`,
        [sync.lead_id],
      );
      leads.push({ id: row.id, metaLeadId: sync.leadgen_id, email: row.email, phoneE164: row.phoneE164 });
    }
    return leads;
  }

  beforeAll(async () => {
    env = await startMetaTestEnv({
      seed: 'meta-conversions-e2e',
      webhookTimeoutMs: 5000,
      fastGraphPauses: true,
      // The sweep is run by hand here; retries come fast.
      env: { META_CAPI_TEST_EVENT_CODE: TEST_CODE, META_CAPI_RETRY_DELAY_MS: '100', META_CAPI_SWEEP_CRON: '0 0 1 1 *' },
    });
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    await connectOrganisation(env);
  });
  afterAll(() => env?.close());
  afterEach(() => env.sandbox.control.conversions.clearFailures());

  describe('setup', () => {
    it("lists the ad account's datasets and creates one at Meta", async () => {
      const listed = (await http().get(`${base}/datasets`).query({ adAccountId: ACT }).set(viewer.auth).expect(200)).body;
      expect(listed.map((d: { id: string }) => d.id)).toContain(DEMO_DATASET_ID);

      await http().post(`${base}/datasets`).set(manager.auth).send({ adAccountId: ACT, name: 'E2E dataset' }).expect(403);
      const created = (
        await http().post(`${base}/datasets`).set(env.admin.auth).send({ adAccountId: ACT, name: 'E2E dataset' }).expect(201)
      ).body;
      expect(created.id).toMatch(/^\d+$/);
      const again = (await http().get(`${base}/datasets`).query({ adAccountId: ACT }).set(viewer.auth).expect(200)).body;
      expect(again.find((d: { id: string }) => d.id === created.id)?.name).toBe('E2E dataset');
    });

    it('refuses bad input with 400, unknown accounts with 404, and changes by non-admins with 403', async () => {
      await http().get(`${base}/datasets`).query({ adAccountId: '123' }).set(viewer.auth).expect(400);
      await http().get(`${base}/datasets`).query({ adAccountId: 'act_999' }).set(viewer.auth).expect(404);
      const body = {
        adAccountId: ACT,
        datasetId: DEMO_DATASET_ID,
        enabled: true,
        includeOrganic: false,
        includeTest: false,
        eventNames: {},
      };
      await http().put(`${base}/settings`).set(manager.auth).send(body).expect(403);
      await http()
        .put(`${base}/settings`)
        .set(env.admin.auth)
        .send({ ...body, eventNames: { qualified: 'x'.repeat(101) } })
        .expect(400);
      await http()
        .put(`${base}/settings`)
        .set(env.admin.auth)
        .send({ ...body, datasetId: null })
        .expect(400);
      await http().get(`${base}/events`).query({ limit: 1000 }).set(viewer.auth).expect(400);
      await http().get(`${base}/overview`).query({ days: 0 }).set(viewer.auth).expect(400);
    });

    it('turns sending on with the default funnel names, audited with before and after', async () => {
      const before = (await http().get(`${base}/settings`).set(viewer.auth).expect(200)).body;
      expect(before).toMatchObject({ enabled: false, datasetId: null, testEventCode: TEST_CODE, leadEventSource: 'LEGEAI' });
      expect(before.eventNames).toEqual({
        new: 'Lead',
        contacted: null,
        qualified: 'Qualified Lead',
        quoted: 'Quoted',
        won: 'Converted',
        lost: null,
      });
      const after = (
        await http()
          .put(`${base}/settings`)
          .set(env.admin.auth)
          .send({
            adAccountId: ACT,
            datasetId: DEMO_DATASET_ID,
            datasetName: 'Harbor Point CRM',
            enabled: true,
            includeOrganic: false,
            includeTest: false,
            eventNames: {},
          })
          .expect(200)
      ).body;
      expect(after).toMatchObject({ enabled: true, datasetId: DEMO_DATASET_ID, datasetName: 'Harbor Point CRM' });
      const audit = (await auditActions(env.t, env.admin.organisationId)).find(
        (a: { action: string }) => a.action === 'meta_conversions.settings_updated',
      ) as { details: Record<string, any> };
      expect(audit.details.before.enabled).toBe(false);
      expect(audit.details.after).toMatchObject({ enabled: true, datasetId: DEMO_DATASET_ID });
    });
  });

  describe('events', () => {
    let lead: StoredLead;
    let other: StoredLead;

    beforeAll(async () => {
      [lead, other] = await metaLeads(2);
    });

    it("sends the lead's first stage, then exactly one accepted event per stage change, with what Meta requires", async () => {
      const first = await settled(lead, LeadStatus.New);
      expect(first).toMatchObject({ eventName: 'Lead', eventId: `${lead.metaLeadId}:new`, attempts: 1, testEventCode: TEST_CODE });

      await moveTo(lead, LeadStatus.Contacted); // not mapped: sends nothing
      await moveTo(lead, LeadStatus.Qualified);
      const qualified = await settled(lead, LeadStatus.Qualified);
      expect(qualified).toMatchObject({ eventName: 'Qualified Lead', eventId: `${lead.metaLeadId}:qualified`, state: 'accepted' });
      expect(qualified.answer).toMatchObject({ eventsReceived: 1, messages: [], error: null });
      expect(qualified.answer?.fbtraceId).toBeTruthy();

      const events = receivedFor(lead, 'Qualified Lead');
      expect(events).toHaveLength(1);
      const [{ event, discarded, deduplicated }] = events;
      expect(discarded).toBeUndefined();
      expect(deduplicated).toBe(false);
      expect(event).toMatchObject({
        event_name: 'Qualified Lead',
        event_id: `${lead.metaLeadId}:qualified`,
        action_source: 'system_generated',
        custom_data: { event_source: 'crm', lead_event_source: 'LEGEAI' },
      });
      expect(typeof event['event_time']).toBe('number');
      expect(Number(event['event_time'])).toBeGreaterThanOrEqual(Math.floor(Date.parse(qualified.changedAt) / 1000));
      expect(await eventOf(lead, LeadStatus.Contacted)).toBeUndefined();
      expect(receivedFor(lead, 'Lead')).toHaveLength(1);
    });

    it('hashes email and phone, and never the lead id', async () => {
      const [{ event }] = receivedFor(lead, 'Qualified Lead');
      const user = event['user_data'] as Record<string, unknown>;
      expect(String(user['lead_id'])).toBe(lead.metaLeadId);
      expect(String(user['lead_id'])).toMatch(/^\d{15,17}$/);
      expect(lead.email ?? lead.phoneE164).toBeTruthy();
      if (lead.email) expect(user['em']).toEqual([sha(lead.email.trim().toLowerCase())]);
      if (lead.phoneE164) expect(user['ph']).toEqual([sha(lead.phoneE164.replace(/\D/g, ''))]);
      const raw = JSON.stringify(event);
      if (lead.email) expect(raw).not.toContain(lead.email);
      if (lead.phoneE164) expect(raw).not.toContain(lead.phoneE164.replace(/\D/g, ''));
    });

    it('sends test events only: every request carried test_event_code, nothing reached the live dataset', () => {
      expect(received().length).toBeGreaterThan(0);
      expect(received().every((e) => e.testEventCode === TEST_CODE)).toBe(true);
      expect(env.sandbox.control.conversions.events({ datasetId: DEMO_DATASET_ID })).toEqual([]);
    });

    it('retries a send Meta failed with the same event_id, and Meta accepts it once', async () => {
      env.sandbox.control.conversions.failSends({ code: 2, times: 1, datasetId: DEMO_DATASET_ID });
      await moveTo(lead, LeadStatus.Quoted);
      const quoted = await settled(lead, LeadStatus.Quoted);
      expect(quoted.attempts).toBe(2);
      expect(env.sandbox.control.conversions.failures()[0].fired).toBe(1);
      const events = receivedFor(lead, 'Quoted');
      expect(events).toHaveLength(1);
      expect(events[0].event['event_id']).toBe(`${lead.metaLeadId}:quoted`);
    });

    it('marks an event Meta refuses as failed with its answer, and a replay sends the same event_id once', async () => {
      env.sandbox.control.conversions.failSends({ code: 100, times: 1, datasetId: DEMO_DATASET_ID });
      await moveTo(other, LeadStatus.Qualified);
      const failed = await settled(other, LeadStatus.Qualified, 'failed');
      expect(failed.lastError).toBeTruthy();
      expect(failed.answer?.error).toMatchObject({ code: 100 });
      expect(receivedFor(other, 'Qualified Lead')).toHaveLength(0);

      const overview = (await http().get(`${base}/overview`).set(viewer.auth).expect(200)).body;
      expect(overview.totals.failed).toBe(1);
      expect(overview.failureReasons[0]).toMatchObject({ reason: failed.lastError, count: 1 });

      await http().post(`${base}/events/replay`).set(viewer.auth).send({}).expect(403);
      await http()
        .post(`${base}/events/replay`)
        .set(manager.auth)
        .send({ ids: ['nope'] })
        .expect(400);
      const replay = (
        await http()
          .post(`${base}/events/replay`)
          .set(manager.auth)
          .send({ ids: [failed.id] })
          .expect(202)
      ).body;
      expect(replay).toEqual({ replayed: 1 });
      const accepted = await settled(other, LeadStatus.Qualified);
      expect(accepted.eventId).toBe(failed.eventId);
      expect(receivedFor(other, 'Qualified Lead')).toHaveLength(1);
    });

    it('a crash between the commit and the send: the sweep sends the event once after the restart', async () => {
      // The outbox row the change's transaction wrote, without the job its commit would have queued.
      await env.t.dataSource.query(
        `INSERT INTO meta_capi_events (organisation_id, lead_id, meta_lead_id, dataset_id, lead_status, event_name, event_id, changed_at, event_time)
         VALUES ($1, $2, $3::text, $4, 'won', 'Converted', $3::text || ':won', now(), now())`,
        [env.admin.organisationId, lead.id, lead.metaLeadId, DEMO_DATASET_ID],
      );
      await new Promise((r) => setTimeout(r, 300));
      expect((await eventOf(lead, LeadStatus.Won))?.state).toBe('pending');
      const sender = env.t.app.get(CapiSenderService);
      expect(await sender.sweep()).toEqual({ datasets: 1 });
      await settled(lead, LeadStatus.Won);
      await sender.sweep();
      await new Promise((r) => setTimeout(r, 300));
      expect(receivedFor(lead, 'Converted')).toHaveLength(1);
    });

    it('a change older than 7 days when its turn comes is marked expired and not sent', async () => {
      const hooks = env.t.app.get(LeadLifecycleHooks);
      const at = new Date(Date.now() - 8 * 86_400_000);
      await env.t.dataSource.transaction((m) =>
        hooks.changed(m, [
          {
            organisationId: env.admin.organisationId,
            leadId: other.id,
            from: LeadStatus.Qualified,
            to: LeadStatus.Quoted,
            at,
            kind: 'status',
          },
        ]),
      );
      const expired = await settled(other, LeadStatus.Quoted, 'expired');
      expect(expired.attempts).toBe(0);
      expect(expired.lastError).toMatch(/7-day/);
      expect(receivedFor(other, 'Quoted')).toHaveLength(0);
    });

    it('sends organic and test leads only once they are opted in', async () => {
      const optIn = async (over: { includeOrganic?: boolean; includeTest?: boolean }) => {
        const current = (await http().get(`${base}/settings`).set(viewer.auth).expect(200)).body;
        await http()
          .put(`${base}/settings`)
          .set(env.admin.auth)
          .send({ ...current, ...over, testEventCode: undefined, leadEventSource: undefined, updatedAt: undefined })
          .expect(200);
      };
      const [organic] = await metaLeads(1, true);
      const [flagged] = await metaLeads(1);
      await env.t.dataSource.query(`UPDATE leads SET is_test = true WHERE id = $1`, [flagged.id]);
      const [{ isOrganic }] = await env.t.dataSource.query(`SELECT is_organic AS "isOrganic" FROM leads WHERE id = $1`, [organic.id]);
      expect(isOrganic).toBe(true);

      await moveTo(organic, LeadStatus.Qualified);
      await moveTo(flagged, LeadStatus.Qualified);
      await new Promise((r) => setTimeout(r, 300));
      expect(await eventsOf(organic.id)).toEqual([]);
      // The flagged lead's first stage went before it was flagged; its changes since wait for the opt-in.
      expect(await eventOf(flagged, LeadStatus.Qualified)).toBeUndefined();

      await optIn({ includeOrganic: true });
      await moveTo(organic, LeadStatus.Quoted);
      await moveTo(flagged, LeadStatus.Quoted);
      await settled(organic, LeadStatus.Quoted);
      expect(receivedFor(organic, 'Quoted')).toHaveLength(1);
      expect(await eventOf(flagged, LeadStatus.Quoted)).toBeUndefined();

      await optIn({ includeOrganic: false, includeTest: true });
      await http()
        .patch(`/v1/leads/${flagged.id}/status`)
        .set(manager.auth)
        .send({ status: LeadStatus.Won, premiumUnknown: true })
        .expect(200);
      await settled(flagged, LeadStatus.Won);
      expect(receivedFor(flagged, 'Converted')).toHaveLength(1);
      await optIn({ includeTest: false });
    });

    it('never makes a second event for a stage the lead reaches again, and sends nothing while sending is off', async () => {
      const hooks = env.t.app.get(LeadLifecycleHooks);
      await env.t.dataSource.transaction((m) =>
        hooks.changed(m, [
          {
            organisationId: env.admin.organisationId,
            leadId: lead.id,
            from: LeadStatus.New,
            to: LeadStatus.Qualified,
            at: new Date(),
            kind: 'reopen',
          },
        ]),
      );
      const rows = await env.t.dataSource.query(
        `SELECT count(*)::int AS n FROM meta_capi_events WHERE lead_id = $1 AND lead_status = 'qualified'`,
        [lead.id],
      );
      expect(rows[0].n).toBe(1);

      const settings = (await http().get(`${base}/settings`).set(viewer.auth).expect(200)).body;
      await http()
        .put(`${base}/settings`)
        .set(env.admin.auth)
        .send({ ...settings, enabled: false, testEventCode: undefined, leadEventSource: undefined, updatedAt: undefined })
        .expect(200);
      const [later] = await metaLeads(1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await eventsOf(later.id)).toEqual([]);
    });

    it('shows the overview per day and stage', async () => {
      const overview = (await http().get(`${base}/overview`).query({ days: 7 }).set(viewer.auth).expect(200)).body;
      const today = new Date().toISOString().slice(0, 10);
      const qualified = overview.rows.find((r: any) => r.day === today && r.status === 'qualified');
      expect(qualified).toMatchObject({ eventName: 'Qualified Lead', accepted: 2, failed: 0 });
      expect(overview.totals).toMatchObject({ failed: 0 });
      expect(overview.totals.accepted).toBeGreaterThanOrEqual(6);
      const page = (await http().get(`${base}/events`).query({ state: 'accepted', limit: 2 }).set(viewer.auth).expect(200)).body;
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe(overview.totals.accepted);
    });
  });
});
