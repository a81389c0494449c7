import { DEMO_IDS, RunningSandbox } from '../src';
import { REDIRECT_URI, startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { ALL_SCOPES, dialogUrl, exchangeCode, loginAs, openDialog, submitDialog } from './support/login';

describe('OAuth and tokens', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.reset());

  async function codeFor(scopes = ALL_SCOPES, choice = {}): Promise<string> {
    const form = await openDialog(dialogUrl(sandbox, scopes));
    return (await submitDialog(sandbox, form, 'continue', choice)).searchParams.get('code')!;
  }

  it('shows a consent page with a checkbox per requested permission and Continue/Cancel buttons', async () => {
    const form = await openDialog(dialogUrl(sandbox, ['email', 'leads_retrieval']));
    expect(form.scopes).toEqual(['email', 'leads_retrieval']);
    expect(form.html).toContain('value="continue"');
    expect(form.html).toContain('value="cancel"');
  });

  it('serves the favicon the consent page links to, instead of a Graph error', async () => {
    const form = await openDialog(dialogUrl(sandbox, ['email']));
    expect(form.html).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.ico">');
    const icon = await fetch(`${sandbox.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>$/);
    // Other unknown paths are still Graph's to answer.
    expect((await fetch(`${sandbox.url}/favicon.png`)).status).toBe(400);
  });

  it('refuses a redirect_uri that is not registered, until the control surface registers it', async () => {
    const other = 'http://localhost:4200/callback';
    const blocked = await fetch(dialogUrl(sandbox, ['email'], { redirect_uri: other }));
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('URL blocked');
    sandbox.control.setApp({ redirectUris: [REDIRECT_URI, other] });
    expect((await fetch(dialogUrl(sandbox, ['email'], { redirect_uri: other }))).status).toBe(200);
  });

  it("redirects with Meta's denial parameters and the state on Cancel", async () => {
    const form = await openDialog(dialogUrl(sandbox, ['email']));
    const location = await submitDialog(sandbox, form, 'cancel');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      error_code: '200',
      error_description: 'Permissions error',
      error_reason: 'user_denied',
      state: 'st-123',
    });
  });

  it('accepts a code only once', async () => {
    const code = await codeFor();
    expect((await exchangeCode(sandbox, code)).status).toBe(200);
    const again = await exchangeCode(sandbox, code);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 36009 });
  });

  it('refuses a code exchanged with another redirect_uri', async () => {
    const code = await codeFor();
    const exchanged = await exchangeCode(sandbox, code, `${REDIRECT_URI}?x=1`);
    expect(exchanged.body.error).toMatchObject({ code: 100, error_subcode: 36008 });
  });

  it('lets a code expire after 10 minutes', async () => {
    const code = await codeFor();
    sandbox.control.advanceClock(11 * 60_000);
    expect((await exchangeCode(sandbox, code)).body.error).toMatchObject({ code: 100, error_subcode: 36007 });
  });

  it('records unticked permissions as declined and leaves them out of the token', async () => {
    const token = await loginAs(sandbox, ['email', 'ads_read', 'leads_retrieval'], { scopes: ['email', 'leads_retrieval'] });
    const permissions = await graph(sandbox, 'GET', 'me/permissions', { token });
    expect(permissions.body.data).toContainEqual({ permission: 'ads_read', status: 'declined' });
    const debug = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } });
    expect(debug.body.data.scopes).not.toContain('ads_read');
  });

  it('narrows granular target_ids and /me/accounts to the Pages left ticked', async () => {
    const token = await loginAs(sandbox, ALL_SCOPES, { pages: [DEMO_IDS.pages.spanish] });
    const debug = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } });
    expect(debug.body.data.granular_scopes).toContainEqual({ scope: 'pages_show_list', target_ids: [DEMO_IDS.pages.spanish] });
    const pages = await graph(sandbox, 'GET', 'me/accounts', { token });
    expect(pages.body.data.map((p: { id: string }) => p.id)).toEqual([DEMO_IDS.pages.spanish]);
  });

  it('exchanges a short-lived token for one that expires in about 60 days, keeping the data access window', async () => {
    const short = await loginAs(sandbox);
    const shortInfo = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: short } });
    const long = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: { grant_type: 'fb_exchange_token', client_id: sandbox.appId, client_secret: sandbox.appSecret, fb_exchange_token: short },
    });
    const info = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: long.body.access_token } });
    expect(info.body.data.expires_at - info.body.data.issued_at).toBe(60 * 86_400);
    expect(info.body.data.data_access_expires_at).toBe(shortInfo.body.data.data_access_expires_at);
  });

  it('refuses to exchange a token that has expired', async () => {
    const short = await loginAs(sandbox);
    sandbox.control.advanceClock(3 * 3_600_000);
    const long = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: { grant_type: 'fb_exchange_token', client_id: sandbox.appId, client_secret: sandbox.appSecret, fb_exchange_token: short },
    });
    expect(long.body.error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('answers /me with the fields asked for, and email only with the email permission', async () => {
    const withEmail = await loginAs(sandbox, ['email']);
    const me = await graph(sandbox, 'GET', 'me', { token: withEmail, params: { fields: 'id,name,email,first_name' } });
    expect(me.body).toEqual({
      id: DEMO_IDS.userId,
      name: 'Dana Whitfield',
      email: 'dana.whitfield@harborpoint-insurance.example',
      first_name: 'Dana',
    });
    const withoutEmail = await loginAs(sandbox, ['email'], { scopes: [] });
    const me2 = await graph(sandbox, 'GET', 'me', { token: withoutEmail, params: { fields: 'id,email' } });
    expect(me2.body).toEqual({ id: DEMO_IDS.userId });
  });

  it('kills every token of the user when the app is removed with DELETE /me/permissions', async () => {
    const token = await loginAs(sandbox);
    expect((await graph(sandbox, 'DELETE', 'me/permissions', { token })).body).toEqual({ success: true });
    const me = await graph(sandbox, 'GET', 'me', { token });
    expect(me.body.error).toMatchObject({ code: 190, error_subcode: 458 });
  });

  it('revokes a single permission with DELETE /me/permissions/{name}', async () => {
    const token = await loginAs(sandbox);
    await graph(sandbox, 'DELETE', 'me/permissions/ads_read', { token });
    const debug = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } });
    expect(debug.body.data.scopes).not.toContain('ads_read');
    expect(debug.body.data.scopes).toContain('ads_management');
  });

  it('issues app tokens with client_credentials that work like {app-id}|{app-secret}', async () => {
    const issued = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: { grant_type: 'client_credentials', client_id: sandbox.appId, client_secret: sandbox.appSecret },
    });
    expect(issued.body.access_token.startsWith(`${sandbox.appId}|`)).toBe(true);
    const app = await graph(sandbox, 'GET', 'app', { token: issued.body.access_token });
    expect(app.body).toEqual({ id: sandbox.appId, name: 'LEGEAI Meta Connect (sandbox)' });
  });

  it('refuses a wrong client_secret', async () => {
    const issued = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: { grant_type: 'client_credentials', client_id: sandbox.appId, client_secret: 'nope' },
    });
    expect(issued.body.error).toMatchObject({ code: 1, type: 'OAuthException' });
  });

  it('reports an invalidated token as is_valid false with the reason', async () => {
    const token = await loginAs(sandbox);
    sandbox.control.invalidateTokens({ token, reason: 'password_changed' });
    const debug = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } });
    expect(debug.body.data).toMatchObject({ is_valid: false, error: { code: 190, subcode: 460 }, user_id: DEMO_IDS.userId });
  });

  it('describes a Page token as type PAGE with its profile_id and no expiry when taken from a long-lived token', async () => {
    const short = await loginAs(sandbox);
    const long = await graph(sandbox, 'GET', 'oauth/access_token', {
      params: { grant_type: 'fb_exchange_token', client_id: sandbox.appId, client_secret: sandbox.appSecret, fb_exchange_token: short },
    });
    const pages = await graph(sandbox, 'GET', 'me/accounts', { token: long.body.access_token, params: { fields: 'id,access_token' } });
    const debug = await graph(sandbox, 'GET', 'debug_token', {
      token: appToken(sandbox),
      params: { input_token: pages.body.data[0].access_token },
    });
    expect(debug.body.data).toMatchObject({ type: 'PAGE', profile_id: pages.body.data[0].id, expires_at: 0 });
  });
});
