import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEMO_IDS, RunningSandbox } from '../src';
import { REDIRECT_URI, startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { ALL_SCOPES, dialogUrl, exchangeCode, openDialog, submitDialog } from './support/login';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * The whole Meta journey of the product, in plain HTTP, step by step. Each step uses what the previous one
 * returned, so the steps run in order within one test.
 */
describe('Meta journey against the sandbox', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    receiver = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.stop();
  });

  it('runs consent → tokens → debug_token → assets → subscriptions → test lead → signed webhook → lead → insights → batch', async () => {
    // 1. Consent: the dialog is an HTML page listing the permissions; the user presses Continue.
    const form = await openDialog(dialogUrl(sandbox, ALL_SCOPES));
    expect(form.html).toContain('Continue as Dana');
    expect(form.scopes).toEqual(expect.arrayContaining(ALL_SCOPES));
    const redirect = await submitDialog(sandbox, form, 'continue');
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('st-123');
    const code = redirect.searchParams.get('code')!;
    expect(code).toMatch(/^AQ/);

    // 2. Code exchange, then the long-lived token (~60 days).
    const short = await exchangeCode(sandbox, code);
    expect(short.status).toBe(200);
    expect(short.body.token_type).toBe('bearer');
    const long = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: {
        grant_type: 'fb_exchange_token',
        client_id: sandbox.appId,
        client_secret: sandbox.appSecret,
        fb_exchange_token: short.body.access_token,
      },
    });
    expect(long.status).toBe(200);
    expect(long.body.expires_in).toBeGreaterThan(59 * 86_400);
    const userToken: string = long.body.access_token;

    // 3. debug_token with the app token.
    const debug = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: userToken } });
    expect(debug.body.data).toMatchObject({ app_id: sandbox.appId, type: 'USER', is_valid: true, user_id: DEMO_IDS.userId });
    expect(debug.body.data.scopes).toEqual(expect.arrayContaining(['leads_retrieval', 'pages_manage_metadata']));
    expect(debug.body.data.granular_scopes).toContainEqual({ scope: 'pages_show_list', target_ids: Object.values(DEMO_IDS.pages) });
    expect(debug.body.data.data_access_expires_at).toBeGreaterThan(debug.body.data.issued_at);

    // 4. Assets: businesses, ad accounts, pages with page tokens, lead forms.
    const businesses = await graph(sandbox, 'GET', 'me/businesses', { token: userToken, params: { fields: 'id,name' } });
    expect(businesses.body.data).toEqual([{ id: DEMO_IDS.businessId, name: 'Harbor Point Insurance Group' }]);
    const accounts = await graph(sandbox, 'GET', 'me/adaccounts', {
      token: userToken,
      params: { fields: 'id,account_id,name,currency,timezone_name,account_status' },
    });
    expect(accounts.body.data.map((a: { account_id: string }) => a.account_id)).toEqual(Object.values(DEMO_IDS.adAccounts));
    expect(accounts.body.data[0]).toMatchObject({ currency: 'USD', account_status: 1, timezone_name: 'America/New_York' });
    const pages = await graph(sandbox, 'GET', 'me/accounts', { token: userToken, params: { fields: 'id,name,access_token,tasks' } });
    const page = pages.body.data.find((p: { id: string }) => p.id === DEMO_IDS.pages.main);
    expect(page.tasks).toContain('ADVERTISE');
    const pageToken: string = page.access_token;
    const forms = await graph(sandbox, 'GET', `${DEMO_IDS.pages.main}/leadgen_forms`, {
      token: pageToken,
      params: { fields: 'id,name,status,questions' },
    });
    const autoForm = forms.body.data.find((f: { id: string }) => f.id === DEMO_IDS.forms.auto);
    expect(autoForm.questions.map((q: { key: string }) => q.key)).toContain('coverage_needs');

    // 5. App subscription (handshake against our receiver), then install the app on the Page.
    const subscribe = await graph(sandbox, 'POST', `${sandbox.appId}/subscriptions`, {
      token: appToken(sandbox),
      params: { object: 'page', callback_url: receiver.url, fields: 'leadgen', verify_token: receiver.verifyToken, include_values: 'true' },
    });
    expect(subscribe.body).toEqual({ success: true });
    const handshake = receiver.requests.find((r) => r.method === 'GET')!;
    expect(handshake.url.searchParams.get('hub.mode')).toBe('subscribe');
    const install = await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, {
      token: pageToken,
      params: { subscribed_fields: 'leadgen' },
    });
    expect(install.body).toEqual({ success: true });
    const installed = await graph(sandbox, 'GET', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: pageToken });
    expect(installed.body.data).toEqual([expect.objectContaining({ id: sandbox.appId, subscribed_fields: ['leadgen'] })]);

    // 6. A test lead.
    const testLead = await graph(sandbox, 'POST', `${DEMO_IDS.forms.auto}/test_leads`, {
      token: pageToken,
      params: { field_data: JSON.stringify([{ name: 'email', values: ['journey@example.com'] }]) },
    });
    expect(testLead.status).toBe(200);
    const leadId: string = testLead.body.id;

    // 7. The signed webhook arrives; the signature matches the raw bytes.
    await receiver.waitForPosts(1);
    const delivery = receiver.posts()[0];
    const expected = `sha256=${createHmac('sha256', sandbox.appSecret).update(delivery.raw).digest('hex')}`;
    const given = String(delivery.headers['x-hub-signature-256']);
    expect(timingSafeEqual(Buffer.from(given), Buffer.from(expected))).toBe(true);
    const payload = JSON.parse(delivery.raw.toString('utf8'));
    expect(payload.object).toBe('page');
    expect(payload.entry[0].changes[0]).toMatchObject({
      field: 'leadgen',
      value: { leadgen_id: leadId, form_id: DEMO_IDS.forms.auto, page_id: DEMO_IDS.pages.main },
    });

    // 8. Fetch the lead it announced.
    const lead = await graph(sandbox, 'GET', leadId, { token: pageToken, params: { fields: 'id,form_id,field_data,created_time' } });
    expect(lead.body.field_data).toContainEqual({ name: 'email', values: ['journey@example.com'] });
    expect(lead.body.created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);

    // 9. Insights, sync and async: the campaign the lead's ad belongs to, then an async report polled to completion.
    const account = `act_${DEMO_IDS.adAccounts.autoHome}`;
    const sync = await graph(sandbox, 'GET', `${account}/insights`, {
      token: userToken,
      params: { level: 'campaign', fields: 'campaign_id,campaign_name,spend,impressions,actions', date_preset: 'last_30d' },
    });
    expect(sync.status).toBe(200);
    const autoCampaign = sync.body.data.find((row: { campaign_id: string }) => row.campaign_id === '120210000000000101');
    expect(autoCampaign.spend).toMatch(/^\d+\.\d{2}$/);
    expect(autoCampaign.actions).toContainEqual(expect.objectContaining({ action_type: 'onsite_conversion.lead_grouped' }));
    const queued = await graph(sandbox, 'POST', `${account}/insights`, {
      token: userToken,
      params: { level: 'campaign', fields: 'campaign_id,spend,impressions,actions', date_preset: 'last_30d' },
    });
    const reportRunId: string = queued.body.report_run_id;
    expect(reportRunId).toMatch(/^\d+$/);
    let run = await graph(sandbox, 'GET', reportRunId, { token: userToken, params: { fields: 'async_status,async_percent_completion' } });
    expect(run.body.async_status).toBe('Job Not Started');
    sandbox.control.advanceClock(120_000);
    run = await graph(sandbox, 'GET', reportRunId, { token: userToken, params: { fields: 'async_status,async_percent_completion' } });
    expect(run.body).toMatchObject({ async_status: 'Job Completed', async_percent_completion: 100 });
    const report = await graph(sandbox, 'GET', `${reportRunId}/insights`, { token: userToken });
    expect(report.body.data.map((row: { campaign_id: string }) => row.campaign_id)).toEqual(
      sync.body.data.map((row: { campaign_id: string }) => row.campaign_id),
    );

    // 10. A batch request: one response per operation, bodies as JSON strings.
    const batch = await graph(sandbox, 'POST', '', {
      token: userToken,
      params: {
        batch: JSON.stringify([
          { method: 'GET', relative_url: 'me?fields=id,name' },
          { method: 'GET', relative_url: `${DEMO_IDS.forms.auto}/leads?fields=id&limit=2` },
          { method: 'GET', relative_url: 'act_1025004400112233?fields=name,currency' },
        ]),
        include_headers: 'false',
      },
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toHaveLength(3);
    expect(batch.body.map((item: { code: number }) => item.code)).toEqual([200, 200, 200]);
    expect(JSON.parse(batch.body[0].body)).toEqual({ id: DEMO_IDS.userId, name: 'Dana Whitfield' });
    expect(JSON.parse(batch.body[1].body).data).toHaveLength(2);
  });
});
