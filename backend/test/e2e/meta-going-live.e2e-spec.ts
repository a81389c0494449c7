import { DEMO_IDS } from '@legeai/meta-sandbox';
import { MetaConnectionStatus, MetaConnectResult, MetaHealthCheck } from '@legeai/contracts';
import { connectMeta } from '../utils/meta-connect-fixtures';
import { META_APP, MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(120_000);

const status = async (env: MetaTestEnv): Promise<MetaConnectionStatus> =>
  (await env.t.http.get('/v1/integrations/meta/status').set(env.admin.auth).expect(200)).body;

/** Runs the health check now, as "Run check" on the console does. */
const runCheck = async (env: MetaTestEnv): Promise<MetaConnectionStatus> =>
  (await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200)).body;

const check = (s: MetaConnectionStatus, key: MetaHealthCheck['key']): MetaHealthCheck | undefined => s.checks.find((c) => c.key === key);

const SETUP_KEYS: MetaHealthCheck['key'][] = ['app_mode', 'leads_access', 'page_tasks', 'permission_access'];

describe('Going live: Facebook Login for Business with a system user configuration (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'going-live-bisu', env: { META_LOGIN_CONFIG_ID: DEMO_IDS.loginConfigurations.systemUser } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('auth/url sends config_id with the code flow override and no scope list', async () => {
    const res = await env.t.http.get('/v1/integrations/meta/auth/url').set(env.admin.auth).expect(200);
    expect(res.body.loginConfigId).toBe(DEMO_IDS.loginConfigurations.systemUser);
    const url = new URL(res.body.url);
    expect(url.searchParams.get('config_id')).toBe(DEMO_IDS.loginConfigurations.systemUser);
    expect(url.searchParams.get('override_default_response_type')).toBe('true');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('client_id')).toBe(META_APP.id);
  });

  it('connects with a system user token that never expires, shown with its business and no expiry warning', async () => {
    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);

    const [row] = await env.t.dataSource.query(
      `SELECT token_type, token_expires_at, data_access_expires_at, meta_business_id, meta_business_name, meta_user_id
         FROM meta_integrations WHERE organisation_id = $1`,
      [env.admin.organisationId],
    );
    const systemUser = env.sandbox.control.setup.settings().systemUsers[0];
    expect(row).toMatchObject({
      token_type: 'SYSTEM_USER',
      token_expires_at: null,
      data_access_expires_at: null,
      meta_business_id: DEMO_IDS.businessId,
      meta_user_id: systemUser.id,
    });
    expect(row.meta_business_name).toBeTruthy();
    // Kept as Meta issued it: a system user token is never sent to the long-lived exchange.
    expect(env.sandbox.control.calls({ path: 'oauth/access_token' }).filter((c) => c.params['grant_type'] === 'fb_exchange_token')).toEqual(
      [],
    );

    const s = await status(env);
    expect(s).toMatchObject({
      tokenType: 'SYSTEM_USER',
      tokenExpiresAt: null,
      business: { id: DEMO_IDS.businessId, name: row.meta_business_name },
      overall: 'ok',
      missingScopes: [],
    });
    expect(check(s, 'token_expiry')).toEqual({ key: 'token_expiry', level: 'ok', message: 'The system user token does not expire' });
    // The system user holds the Pages chosen in the dialog: discovery and webhook subscriptions work with its token.
    expect(s.counts.pages).toBeGreaterThan(0);
    expect(check(s, 'page_subscriptions')?.level).toBe('ok');
  });

  it('an unknown configuration id gets Meta’s “app not available” page, with no redirect', async () => {
    const res = await env.t.http.get('/v1/integrations/meta/auth/url').set(env.admin.auth).expect(200);
    const url = new URL(res.body.url);
    url.searchParams.set('config_id', '999999999999');
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).not.toBe(302);
    expect(await page.text()).toMatch(/isn(&#39;|')t available/);
  });
});

describe('Going live: Facebook Login for Business with a user token configuration (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'going-live-user-config', env: { META_LOGIN_CONFIG_ID: DEMO_IDS.loginConfigurations.userToken } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('exchanges the user token for a long-lived one, as the classic login does, and needs no email permission', async () => {
    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);
    expect(env.sandbox.control.calls({ path: 'oauth/access_token' }).some((c) => c.params['grant_type'] === 'fb_exchange_token')).toBe(
      true,
    );
    const s = await status(env);
    expect(s).toMatchObject({ tokenType: 'USER', business: null, missingScopes: [], overall: 'ok' });
    expect(s.metaUser?.id).toBe(DEMO_IDS.userId);
    const daysLeft = (Date.parse(s.tokenExpiresAt!) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(50);
    expect(s.grantedScopes).not.toContain('email');
  });
});

describe('Going live: setup problems on the health card (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'going-live-setup' });
    const { landing } = await connectMeta(env);
    if (landing.searchParams.get('result') !== 'connected') throw new Error(`connect landed on ${landing.href}`);
  });

  afterAll(async () => {
    await env?.close();
  });

  afterEach(() => {
    // Back to a correctly set-up app between tests.
    const setup = env.sandbox.control.setup;
    setup.setMode('live');
    if (setup.settings().roles.some((role) => role.userId === DEMO_IDS.userId)) setup.removeRole(DEMO_IDS.userId);
    setup.setPageTasks(DEMO_IDS.pages.main, ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE']);
    if (setup.leadsAccess(DEMO_IDS.pages.main)) setup.clearLeadsAccess(DEMO_IDS.pages.main);
  });

  it('a correctly set-up app shows no setup problem with a user token and its expiry', async () => {
    const s = await runCheck(env);
    expect(s.overall).toBe('ok');
    expect(s.tokenType).toBe('USER');
    expect(s.business).toBeNull();
    expect(s.checks.filter((c) => SETUP_KEYS.includes(c.key))).toEqual([]);
  });

  it('a Page without the ADVERTISE task is named, with the fix and Meta’s page', async () => {
    env.sandbox.control.setup.setPageTasks(DEMO_IDS.pages.main, ['ANALYZE', 'CREATE_CONTENT']);
    const s = await runCheck(env);
    const tasks = check(s, 'page_tasks')!;
    expect(tasks.level).toBe('error');
    expect(tasks.message).toMatch(/lacks the Advertise task on/);
    expect(tasks.hint).toMatch(/Advertise task/);
    expect(tasks.helpUrl).toMatch(/^https:\/\/developers\.facebook\.com\//);
    expect(s.overall).toBe('error');
    const [page] = await env.t.dataSource.query(`SELECT tasks FROM meta_pages WHERE page_id = $1`, [DEMO_IDS.pages.main]);
    expect(page.tasks).not.toContain('ADVERTISE');
  });

  it('a Leads Access Manager that leaves the app out is explained, although test leads still work', async () => {
    env.sandbox.control.setup.setLeadsAccess(DEMO_IDS.pages.main, { people: [DEMO_IDS.userId], crms: [] });
    const s = await runCheck(env);
    const access = check(s, 'leads_access')!;
    expect(access.level).toBe('error');
    expect(access.message).toMatch(/Leads Access Manager leaves out this app/);
    expect(access.message).toMatch(/test leads still work/);
    expect(access.hint).toMatch(/Leads access/);
    expect(access.helpUrl).toBe('https://developers.facebook.com/docs/graph-api/reference/has-lead-access/');
    expect(check(s, 'page_tasks')).toBeUndefined();
  });

  it('leads Meta counts but the app cannot read, with lead access open, point at development mode', async () => {
    // An app in development mode, connected by one of its testers (nobody else could log in).
    env.sandbox.control.setup.setRole(DEMO_IDS.userId, 'testers');
    env.sandbox.control.setup.setMode('development');
    // Someone without a role on the app fills in the form: Meta counts the lead, sends no webhook, and lists it nowhere.
    env.sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count: 2 });
    const s = await runCheck(env);
    const mode = check(s, 'app_mode')!;
    expect(mode.level).toBe('warning');
    // In development mode every lead of someone without a role is out of reach, the history's included.
    expect(mode.message).toMatch(/^Meta counts \d+ leads the app cannot read \(.*Auto insurance quote 2026: \d+/);
    expect(mode.message).toMatch(/development mode/);
    expect(mode.hint).toMatch(/switch the app to Live/);
    expect(mode.helpUrl).toBe('https://developers.facebook.com/docs/development/build-and-test/app-modes');
    expect(check(s, 'leads_access')).toBeUndefined();

    // Live again: Meta lists every lead it counts, and the warning goes.
    env.sandbox.control.setup.setMode('live');
    expect(check(await runCheck(env), 'app_mode')).toBeUndefined();
  });

  it('does not look for unreadable leads when the connecting person has no role on the app (the app is then Live)', async () => {
    env.sandbox.control.setup.setMode('development');
    const s = await runCheck(env);
    expect(check(s, 'app_mode')).toBeUndefined();
    // Leads are unreadable all the same (development mode hides every lead of someone without a role): only the
    // person's missing role keeps the check quiet.
    const [form] = await env.t.dataSource.query(`SELECT leads_count, leads_stored FROM meta_lead_forms WHERE form_id = $1`, [
      DEMO_IDS.forms.auto,
    ]);
    expect(form.leads_count).toBeGreaterThan(form.leads_stored);
  });

  it('a webhook callback URL at Meta pointing at another deployment is reported, not taken over by the check', async () => {
    const other = 'https://staging.example.com/v1/integrations/meta/webhook';
    env.sandbox.control.setup.setCallbackUrl(other);
    const s = await runCheck(env);
    const app = check(s, 'app_subscription')!;
    expect(app.level).toBe('error');
    expect(app.message).toContain(other);
    expect(app.message).toContain(`${env.publicUrl}/v1/integrations/meta/webhook`);
    expect(app.helpUrl).toBe('https://developers.facebook.com/docs/graph-api/webhooks/getting-started');
    const subs = await fetch(
      `${env.sandbox.url}/${META_APP.version}/${META_APP.id}/subscriptions?access_token=${encodeURIComponent(`${META_APP.id}|${META_APP.secret}`)}`,
    );
    expect(((await subs.json()) as { data: { callback_url: string }[] }).data[0].callback_url).toBe(other);

    // Reconnecting is the admin's choice to take it back.
    await connectMeta(env);
    expect(check(await status(env), 'app_subscription')?.level).toBe('ok');
  });

  it('a permission the app lacks Advanced Access to is told apart from one the person declined', async () => {
    env.sandbox.control.setup.setPermissionAccess({ leads_retrieval: 'standard' });
    try {
      const { landing } = await connectMeta(env, { untick: ['catalog_management'] });
      expect(landing.searchParams.get('missing')).toBe('catalog_management,leads_retrieval');
      const s = await status(env);
      const access = check(s, 'permission_access')!;
      expect(access.level).toBe('error');
      expect(access.message).toContain('leads_retrieval');
      expect(access.message).not.toContain('catalog_management');
      expect(access.hint).toMatch(/App Review/);
      expect(access.helpUrl).toBe('https://developers.facebook.com/docs/graph-api/overview/access-levels');
      const declined = check(s, 'permissions')!;
      expect(declined.message).toContain('catalog_management');
      expect(declined.message).not.toContain('leads_retrieval');
    } finally {
      env.sandbox.control.setup.setPermissionAccess({ leads_retrieval: 'advanced' });
    }
  });
});
