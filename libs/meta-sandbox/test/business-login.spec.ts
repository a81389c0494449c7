import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { configDialogUrl, dialogUrl, exchangeCode, loginWithConfiguration, openDialog, submitDialog } from './support/login';
import { controlCall } from './support/control';

const USER_CONFIG = DEMO_IDS.loginConfigurations.userToken;
const SYSTEM_USER_CONFIG = DEMO_IDS.loginConfigurations.systemUser;
const YEAR_MS = 365 * 86_400_000;

describe('Facebook Login for Business', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.reset());

  const debug = async (token: string) =>
    (await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } })).body.data;

  describe('configurations', () => {
    it('starts with one configuration per token type, listed on the control surface', async () => {
      const listed = await controlCall(sandbox, 'GET', '/login-configurations');
      expect(listed.body.data.map((entry: { id: string; tokenType: string }) => [entry.id, entry.tokenType])).toEqual([
        [USER_CONFIG, 'USER'],
        [SYSTEM_USER_CONFIG, 'SYSTEM_USER'],
      ]);
      expect(listed.body.data[1]).toMatchObject({ tokenExpiry: 'never', assets: ['businesses', 'pages', 'adAccounts'] });
    });

    it('refuses configurations the App Dashboard would not save', async () => {
      const emailForSystemUser = await controlCall(sandbox, 'POST', '/login-configurations', {
        tokenType: 'SYSTEM_USER',
        permissions: ['email', 'ads_read'],
      });
      expect(emailForSystemUser.status).toBe(400);
      expect(emailForSystemUser.body.error.message).toContain('system user');
      expect(
        (await controlCall(sandbox, 'POST', '/login-configurations', { permissions: ['leads_retrieval', 'read_minds'] })).body.error
          .message,
      ).toContain('read_minds');
      expect((await controlCall(sandbox, 'POST', '/login-configurations', { permissions: ['public_profile', 'email'] })).status).toBe(400);
      expect((await controlCall(sandbox, 'POST', '/login-configurations', { permissions: ['ads_read'], assets: ['planets'] })).status).toBe(
        400,
      );
      expect((await controlCall(sandbox, 'DELETE', '/login-configurations/42')).status).toBe(400);
    });
  });

  describe('the dialog with config_id', () => {
    it("asks for the configuration's permissions, whatever scope says, without letting the user untick them", async () => {
      const form = await openDialog(configDialogUrl(sandbox, USER_CONFIG, { scope: 'email' }));
      for (const permission of ['leads_retrieval', 'pages_manage_metadata', 'business_management']) {
        expect(form.html).toContain(`<li data-permission="${permission}">`);
      }
      expect(form.html).not.toContain('data-permission="email"');
      expect(form.scopes).toEqual([]);
      expect(form.pages).toEqual([DEMO_IDS.pages.main, DEMO_IDS.pages.spanish, DEMO_IDS.pages.japanese]);
      expect(form.adAccounts).toEqual([DEMO_IDS.adAccounts.autoHome, DEMO_IDS.adAccounts.lifeHealth]);
      expect(form.businesses).toEqual([DEMO_IDS.businessId]);
    });

    it('shows only the asset kinds the configuration asks for', async () => {
      const created = await controlCall(sandbox, 'POST', '/login-configurations', {
        permissions: ['pages_show_list', 'leads_retrieval'],
        assets: ['pages'],
      });
      expect(created.status).toBe(201);
      const form = await openDialog(configDialogUrl(sandbox, created.body.id));
      expect(form.pages).toHaveLength(3);
      expect(form.adAccounts).toEqual([]);
      expect(form.businesses).toEqual([]);
    });

    it("shows Meta's unavailable-app page for an unknown config_id and never redirects", async () => {
      const response = await fetch(configDialogUrl(sandbox, '999000111'), { redirect: 'manual' });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('It looks like this app isn&#39;t available');
      expect(html).toContain('LEGEAI Meta Connect (sandbox)');
    });

    it('serves system user configurations through the code flow only', async () => {
      const implicit = await fetch(configDialogUrl(sandbox, SYSTEM_USER_CONFIG, { override_default_response_type: 'false' }));
      expect(implicit.status).toBe(400);
      expect(await implicit.text()).toContain('override_default_response_type=true');
      const form = await openDialog(configDialogUrl(sandbox, SYSTEM_USER_CONFIG));
      expect(form.html).toContain('data-configuration-token="SYSTEM_USER"');
      expect(form.html).toContain('which does not expire');
      expect(form.html).toContain(`<input type="radio" name="business" value="${DEMO_IDS.businessId}" checked>`);
      expect(form.html).not.toContain('data-permission="public_profile"');
    });
  });

  describe('user access token configurations', () => {
    it('grants every permission of the configuration, narrowed to the assets left ticked', async () => {
      const form = await openDialog(configDialogUrl(sandbox, USER_CONFIG));
      // An untick cannot be sent: there are no permission boxes, and a forged `scope` is ignored.
      const location = await submitDialog(sandbox, form, 'continue', { scopes: ['email'], pages: [DEMO_IDS.pages.spanish] });
      const exchanged = await exchangeCode(sandbox, location.searchParams.get('code')!);
      expect(exchanged.body).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) });
      const info = await debug(exchanged.body.access_token);
      expect(info).toMatchObject({ type: 'USER', user_id: DEMO_IDS.userId });
      expect(info.scopes).toEqual(
        expect.arrayContaining(['leads_retrieval', 'pages_manage_metadata', 'ads_management', 'business_management']),
      );
      expect(info.granular_scopes).toContainEqual({ scope: 'pages_show_list', target_ids: [DEMO_IDS.pages.spanish] });
      const permissions = await graph(sandbox, 'GET', 'me/permissions', { token: exchanged.body.access_token });
      expect(permissions.body.data.every((row: { status: string }) => row.status === 'granted')).toBe(true);
    });
  });

  describe('business integration system user tokens', () => {
    it('exchanges the code for a token that never expires, answered without expires_in', async () => {
      const form = await openDialog(configDialogUrl(sandbox, SYSTEM_USER_CONFIG));
      const location = await submitDialog(sandbox, form, 'continue');
      expect(location.searchParams.get('state')).toBe('st-123');
      const exchanged = await exchangeCode(sandbox, location.searchParams.get('code')!);
      expect(Object.keys(exchanged.body).sort()).toEqual(['access_token', 'token_type']);
      sandbox.control.advanceClock(2 * YEAR_MS);
      const me = await graph(sandbox, 'GET', 'me', { token: exchanged.body.access_token });
      expect(me.status).toBe(200);
    });

    it('is described by debug_token as a SYSTEM_USER token of the system user, expiring never, its business in the target_ids', async () => {
      const token = await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      const systemUserId = sandbox.control.setup.settings().systemUsers[0].id;
      const info = await debug(token);
      expect(info).toMatchObject({ type: 'SYSTEM_USER', is_valid: true, expires_at: 0, data_access_expires_at: 0, user_id: systemUserId });
      expect(info.profile_id).toBeUndefined();
      expect(info.scopes).not.toContain('public_profile');
      expect(info.granular_scopes).toContainEqual({ scope: 'business_management', target_ids: [DEMO_IDS.businessId] });
      expect(info.granular_scopes).toContainEqual({
        scope: 'ads_read',
        target_ids: [DEMO_IDS.adAccounts.autoHome, DEMO_IDS.adAccounts.lifeHealth],
      });
    });

    it('answers /me as the system user, with the business that installed the app, and reaches that business', async () => {
      const token = await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      const me = await graph(sandbox, 'GET', 'me', { token, params: { fields: 'id,name,client_business_id' } });
      expect(me.body).toEqual({
        id: sandbox.control.setup.settings().systemUsers[0].id,
        name: 'LEGEAI Meta Connect (sandbox) system user',
        client_business_id: DEMO_IDS.businessId,
      });
      const business = await graph(sandbox, 'GET', DEMO_IDS.businessId, { token, params: { fields: 'id,name' } });
      expect(business.body).toEqual({ id: DEMO_IDS.businessId, name: 'Harbor Point Insurance Group' });
      const accounts = await graph(sandbox, 'GET', 'me/adaccounts', { token, params: { fields: 'id' } });
      expect(accounts.body.data).toHaveLength(2);
      const permissions = await graph(sandbox, 'GET', 'me/permissions', { token });
      expect(permissions.body.data).toContainEqual({ permission: 'leads_retrieval', status: 'granted' });
      // The seeded configurations hold every permission the product uses (catalogs included); email is not offered to system users.
      expect(permissions.body.data).toContainEqual({ permission: 'catalog_management', status: 'granted' });
      expect(permissions.body.data.map((row: { permission: string }) => row.permission)).not.toContain('email');
      expect(permissions.body.data.every((row: { status: string }) => row.status === 'granted')).toBe(true);
    });

    it('needs a business chosen in the dialog', async () => {
      const form = await openDialog(configDialogUrl(sandbox, SYSTEM_USER_CONFIG));
      const body = new URLSearchParams({ dialog: form.dialogId, decision: 'continue' });
      const response = await fetch(`${sandbox.url}${form.action}`, { method: 'POST', body, redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Choose the business portfolio to connect.');
      expect(sandbox.control.setup.settings().systemUsers).toEqual([]);
    });

    it('holds only the assets chosen in the dialog: Pages with their tasks, and Page tokens that never expire', async () => {
      const form = await openDialog(configDialogUrl(sandbox, SYSTEM_USER_CONFIG));
      const location = await submitDialog(sandbox, form, 'continue', { pages: [DEMO_IDS.pages.japanese] });
      const token = (await exchangeCode(sandbox, location.searchParams.get('code')!)).body.access_token;
      const pages = await graph(sandbox, 'GET', 'me/accounts', { token, params: { fields: 'id,tasks,access_token' } });
      expect(pages.body.data).toEqual([{ id: DEMO_IDS.pages.japanese, tasks: ['ADVERTISE', 'ANALYZE'], access_token: expect.any(String) }]);
      const pageInfo = await debug(pages.body.data[0].access_token);
      expect(pageInfo).toMatchObject({ type: 'PAGE', profile_id: DEMO_IDS.pages.japanese, expires_at: 0 });
      const other = await graph(sandbox, 'GET', DEMO_IDS.pages.main, { token });
      expect(other.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    });

    it('reads leads with the system user token, directly and through its Page token', async () => {
      const token = await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      const direct = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token, params: { fields: 'id', limit: '5' } });
      expect(direct.body.data).toHaveLength(5);
      const pages = await graph(sandbox, 'GET', 'me/accounts', { token, params: { fields: 'id,access_token' } });
      const page = pages.body.data.find((entry: { id: string }) => entry.id === DEMO_IDS.pages.main).access_token;
      const viaPage = await graph(sandbox, 'GET', direct.body.data[0].id, { token: page, params: { fields: 'form_id' } });
      expect(viaPage.body.form_id).toBe(DEMO_IDS.forms.auto);
    });

    it("reuses the business's system user when the business installs the app again", async () => {
      await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      expect(sandbox.control.setup.settings().systemUsers).toHaveLength(1);
    });

    it('loses every token when the business removes the app', async () => {
      const token = await loginWithConfiguration(sandbox, SYSTEM_USER_CONFIG);
      const systemUserId = sandbox.control.setup.settings().systemUsers[0].id;
      expect(sandbox.control.invalidateTokens({ userId: systemUserId, reason: 'deauthorized' })).toBe(1);
      const me = await graph(sandbox, 'GET', 'me', { token });
      expect(me.body.error).toMatchObject({ code: 190, error_subcode: 458 });
    });

    it('expires after 60 days when the configuration says so', async () => {
      const created = await controlCall(sandbox, 'POST', '/login-configurations', {
        tokenType: 'SYSTEM_USER',
        permissions: ['business_management', 'leads_retrieval'],
        tokenExpiry: '60_days',
      });
      const form = await openDialog(configDialogUrl(sandbox, created.body.id));
      const location = await submitDialog(sandbox, form, 'continue');
      const exchanged = await exchangeCode(sandbox, location.searchParams.get('code')!);
      expect(exchanged.body.expires_in).toBe(60 * 86_400);
      const info = await debug(exchanged.body.access_token);
      expect(info.expires_at - info.issued_at).toBe(60 * 86_400);
    });
  });

  it('leaves the scope login unchanged: a user token of the user, with checkboxes', async () => {
    const form = await openDialog(dialogUrl(sandbox, ['email', 'leads_retrieval']));
    expect(form.scopes).toEqual(['email', 'leads_retrieval']);
    expect(form.html).not.toContain('data-configuration-token');
  });
});
