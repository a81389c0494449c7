import { ErrorCode, LeadSyncState, MetaLeadFormDto, MetaPageDto } from '@legeai/contracts';
import type { SignedInUser } from '../utils/identity-fixtures';
import { syncRows, waitForStates } from '../utils/lead-sync-rows';
import { connectMeta, connectOrganisation, waitForAdsMirror, waitForInsightsPulls } from '../utils/meta-connect-fixtures';
import { startMetaTestEnv, type MetaTestEnv } from '../utils/meta-test-env';
import { organisationByInvitation } from '../utils/platform-fixtures';

const SITE = 'https://alpha.example';

/**
 * Two organisations made through the API (platform administrator, invitations, acceptance), one of them connected to
 * Meta with leads, campaigns and insights landed: the other sees none of it on any resource, and another
 * organisation's ids answer 404. Then: a suspended organisation's leads are acknowledged and parked, replayed on
 * reactivation; and a Page is connected by one organisation at a time.
 */
describe('organisation isolation (e2e)', () => {
  let env: MetaTestEnv;
  let alpha: SignedInUser;
  let beta: SignedInUser;
  let alphaOrg: string;
  const a: Record<string, string> = {};
  let alphaIds: string[];
  let form: MetaLeadFormDto;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'org-isolation-e2e', webhookTimeoutMs: 5000, env: { LOGIN_RATE_LIMIT: '1000' } });
    const alphaMade = await organisationByInvitation(env.t, env.admin, 'Alpha Agency');
    alpha = alphaMade.admin;
    alphaOrg = alphaMade.org.id;
    beta = (await organisationByInvitation(env.t, env.admin, 'Beta Brokers')).admin;
    await connectOrganisation(env, alpha);

    const get = async (path: string) => (await env.t.http.get(path).set(alpha.auth).expect(200)).body;
    const forms = (await get('/v1/integrations/meta/lead-forms')) as MetaLeadFormDto[];
    form = forms.find((f) => f.autoSync && f.status === 'ACTIVE') ?? forms[0];
    const [created] = env.sandbox.control.createLeads({ formId: form.formId, count: 1 });
    await env.sandbox.control.flushWebhooks();
    const [sync] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    Object.assign(a, { leadgenId: created.id, leadId: sync.lead_id!, syncId: sync.id, formUuid: form.id, formId: form.formId });

    const key = (await env.t.http.post('/v1/api-keys').set(alpha.auth).send({ name: 'Alpha CRM', role: 'admin' }).expect(201)).body;
    a.keyId = key.id;
    a.keyPrefix = key.prefix;
    const field = await env.t.http
      .post('/v1/lead-fields')
      .set(alpha.auth)
      .send({ key: 'alpha_only_field', label: 'Alpha only', type: 'text' })
      .expect(201);
    a.fieldId = field.body.id;
    const product = await env.t.http
      .post('/v1/catalog/products')
      .set(alpha.auth)
      .send({
        retailerId: 'ALPHA-POLICY-1',
        name: 'Alpha policy',
        description: 'Alpha Agency insurance policy, monthly premium from the listed price.',
        brand: 'Alpha',
        lineOfBusiness: 'auto',
        priceMinor: 4900,
        currency: 'USD',
        landingUrl: `${SITE}/p/1`,
        imageUrl: `${SITE}/img/1.jpg`,
        availability: 'in stock',
      })
      .expect(201);
    a.productId = product.body.id;
    const hook = await env.t.http
      .post('/v1/webhooks/endpoints')
      .set(alpha.auth)
      .send({ url: 'https://alpha-crm.example.com/legeai-hooks', eventTypes: ['lead.created'] })
      .expect(201);
    a.hookId = hook.body.id;
    const pages = (await get('/v1/integrations/meta/pages')) as MetaPageDto[];
    const accounts = (await get('/v1/integrations/meta/ad-accounts')) as { adAccountId: string }[];
    const campaigns = (await get('/v1/integrations/meta/campaigns')).items as { id: string }[];
    expect(campaigns.length).toBeGreaterThan(0);
    a.campaignId = campaigns[0].id;
    const insights = JSON.stringify(await get('/v1/integrations/meta/insights'));
    expect(insights).toContain(accounts[0].adAccountId.replace(/^act_/, ''));
    alphaIds = [
      ...Object.values(a),
      alpha.email,
      alpha.id,
      ...pages.map((p) => p.pageId),
      ...accounts.map((x) => x.adAccountId.replace(/^act_/, '')),
      ...campaigns.map((c) => c.id),
    ];
  }, 300_000);
  afterAll(() => env?.close());

  const beta200 = async (path: string) => {
    const res = await env.t.http.get(path).set(beta.auth);
    return { status: res.status, text: res.text };
  };

  it.each([
    '/v1/leads',
    '/v1/leads/export.csv',
    '/v1/lead-fields',
    '/v1/lead-duplicate-settings',
    '/v1/users',
    '/v1/api-keys',
    '/v1/audit-log?limit=200',
    '/v1/organisation',
    '/v1/integrations/meta/status',
    '/v1/integrations/meta/pages',
    '/v1/integrations/meta/ad-accounts',
    '/v1/integrations/meta/lead-forms',
    '/v1/integrations/meta/lead-syncs',
    '/v1/integrations/meta/activity',
    '/v1/integrations/meta/lead-pipeline/summary',
    '/v1/integrations/meta/campaigns',
    '/v1/integrations/meta/adsets',
    '/v1/integrations/meta/ads',
    '/v1/integrations/meta/insights',
    '/v1/integrations/meta/insights/summary',
    '/v1/integrations/meta/insights/pulls',
    '/v1/integrations/meta/insights/accounts',
    '/v1/integrations/meta/conversions/settings',
    '/v1/integrations/meta/conversions/events',
    '/v1/integrations/meta/conversions/overview',
    '/v1/catalog/products',
    '/v1/catalog/link',
    '/v1/catalog/syncs',
    '/v1/webhooks/endpoints',
    '/v1/webhooks/deliveries',
    '/v1/alerts',
    '/v1/alert-settings',
    '/v1/notifications',
    '/v1/notification-preferences',
    '/v1/mail-outbox',
  ])('%s: the other organisation sees nothing of Alpha', async (path) => {
    const { status, text } = await beta200(path);
    // Beta has linked no catalog: "none" is a 404 of its own, not Alpha's.
    expect(status).toBe(path === '/v1/catalog/link' ? 404 : 200);
    for (const id of alphaIds) expect(text).not.toContain(id);
  });

  it("answers 404 to another organisation's ids, and changes nothing", async () => {
    const http = env.t.http;
    const tries = [
      http.get(`/v1/leads/${a.leadId}`),
      http.patch(`/v1/leads/${a.leadId}/status`).send({ status: 'contacted' }),
      http.patch(`/v1/leads/${a.leadId}/custom-fields`).send({ values: {} }),
      http.get(`/v1/leads/${a.leadId}/duplicates`),
      http.patch(`/v1/lead-fields/${a.fieldId}`).send({ label: 'Stolen' }),
      http.delete(`/v1/lead-fields/${a.fieldId}`),
      http.get(`/v1/integrations/meta/lead-forms/${a.formUuid}/mapping`),
      http.patch(`/v1/integrations/meta/lead-forms/${a.formUuid}`).send({ autoSync: false }),
      http.get(`/v1/integrations/meta/lead-syncs/${a.syncId}`),
      http.post(`/v1/integrations/meta/lead-syncs/${a.syncId}/replay`),
      http.get(`/v1/catalog/products/${a.productId}`),
      http.patch(`/v1/catalog/products/${a.productId}`).send({ name: 'Stolen' }),
      http.delete(`/v1/api-keys/${a.keyId}`),
      http.get(`/v1/webhooks/endpoints/${a.hookId}`),
      http.post(`/v1/webhooks/endpoints/${a.hookId}/test`),
      http.delete(`/v1/webhooks/endpoints/${a.hookId}`),
      http.patch(`/v1/users/${alpha.id}`).send({ active: false }),
    ];
    const answers = await Promise.all(tries.map((req) => req.set(beta.auth)));
    // supertest's answer keeps the request it answered (`req`), untyped in its declarations.
    const sent = (r: (typeof answers)[number]) => (r as unknown as { req: { method: string; path: string } }).req;
    expect(answers.map((r) => `${sent(r).method} ${sent(r).path} ${r.status}`)).toEqual(
      answers.map((r) => `${sent(r).method} ${sent(r).path} 404`),
    );
    // A campaign is Meta's id: Beta has no connection, so it is refused before any look-up, never changed.
    const campaign = await http.put(`/v1/integrations/meta/campaigns/${a.campaignId}`).set(beta.auth).send({ name: 'Stolen' });
    expect([404, 409]).toContain(campaign.status);
    const still = await http.get(`/v1/leads/${a.leadId}`).set(alpha.auth).expect(200);
    expect(still.body.status).not.toBe('contacted');
    await http.get(`/v1/catalog/products/${a.productId}`).set(alpha.auth).expect(200);
    await http.get('/v1/auth/me').set(alpha.auth).expect(200);
  });

  it("shows the platform administrator none of Alpha's leads: no member of it", async () => {
    await env.t.http.get(`/v1/leads/${a.leadId}`).set(env.admin.auth).expect(404);
    const leads = await env.t.http.get('/v1/leads').set(env.admin.auth).expect(200);
    for (const id of alphaIds) expect(leads.text).not.toContain(id);
    await env.t.http.post('/v1/auth/switch-organisation').set(env.admin.auth).send({ organisationId: alphaOrg }).expect(404);
  });

  it("keeps each API key to its organisation: Alpha's key reads Alpha's lead, Beta's cannot", async () => {
    const betaKey = (await env.t.http.post('/v1/api-keys').set(beta.auth).send({ name: 'Beta CRM', role: 'admin' }).expect(201)).body.key;
    await env.t.http.get(`/v1/leads/${a.leadId}`).set('x-api-key', betaKey).expect(404);
    const leads = (await env.t.http.get('/v1/leads').set('x-api-key', betaKey).expect(200)).body;
    expect(leads.items).toEqual([]);
  });

  it("parks (acknowledged, not read) a suspended organisation's leads, and replays them on reactivation", async () => {
    await env.t.http.post(`/v1/platform/organisations/${alphaOrg}/suspend`).set(env.admin.auth).expect(200);
    const [created] = env.sandbox.control.createLeads({ formId: a.formId, count: 1 });
    await env.sandbox.control.flushWebhooks();
    const [parked] = await waitForStates(env.t, [created.id], [LeadSyncState.Parked]);
    expect(parked).toMatchObject({ organisation_id: alphaOrg, lead_id: null, hint: expect.stringMatching(/reactivates/) });
    const acknowledged = await env.t.dataSource.query(
      `SELECT status FROM meta_webhook_inbox WHERE id = (SELECT inbox_id FROM meta_lead_syncs WHERE id = $1)`,
      [parked.id],
    );
    expect(acknowledged).toHaveLength(1);

    await env.t.http.post(`/v1/platform/organisations/${alphaOrg}/reactivate`).set(env.admin.auth).expect(200);
    const [stored] = await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    expect(stored.lead_id).not.toBeNull();
    const reactivated = await env.t.dataSource.query(
      `SELECT details FROM audit_log WHERE organisation_id = $1 AND action = 'organisation.reactivated'`,
      [alphaOrg],
    );
    expect(reactivated[0].details).toMatchObject({ replayedLeads: 1 });
  });

  it('connects a Page to one organisation at a time: the second sees it connected elsewhere, its refresh answers 409', async () => {
    const { landing } = await connectMeta(env, { user: beta });
    await waitForAdsMirror(env, beta.organisationId);
    await waitForInsightsPulls(env, beta.organisationId);
    const pages = (await env.t.http.get('/v1/integrations/meta/pages').set(beta.auth).expect(200)).body as MetaPageDto[];
    expect(pages.length).toBeGreaterThan(0);
    expect(landing.searchParams.get('result')).toBe('connected');
    expect(landing.searchParams.get('elsewhere')).toBe(String(pages.length));
    expect(pages.every((p) => p.connectedElsewhere && !p.isActive && !p.subscribed)).toBe(true);
    const refresh = await env.t.http.post('/v1/integrations/meta/refresh').set(beta.auth).expect(409);
    expect(refresh.body.error).toMatchObject({
      code: ErrorCode.PageConnectedElsewhere,
      message: expect.stringMatching(/connected by another organisation/i),
    });
    const alphaPages = (await env.t.http.get('/v1/integrations/meta/pages').set(alpha.auth).expect(200)).body as MetaPageDto[];
    expect(alphaPages.some((p) => p.isActive && !p.connectedElsewhere)).toBe(true);

    const [created] = env.sandbox.control.createLeads({ formId: a.formId, count: 1 });
    await env.sandbox.control.flushWebhooks();
    await waitForStates(env.t, [created.id], [LeadSyncState.Stored]);
    expect((await syncRows(env.t, [created.id])).map((r) => r.organisation_id)).toEqual([alphaOrg]);
  });
});
