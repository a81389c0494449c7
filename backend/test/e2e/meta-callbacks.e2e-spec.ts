import { signRequest } from '../../src/modules/meta-auth/callbacks/signed-request';
import { auditActions } from '../utils/identity-fixtures';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { META_APP, MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(60_000);

describe("Meta's deauthorize and data deletion callbacks (e2e)", () => {
  let env: MetaTestEnv;
  let metaUserId: string;

  beforeAll(async () => {
    env = await startMetaTestEnv();
    await connectOrganisation(env);
    metaUserId = env.sandbox.control.world().userId!;
  });

  afterAll(async () => {
    await env?.close();
  });

  const signed = (payload: Record<string, unknown>, secret = META_APP.secret) =>
    signRequest({ algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), ...payload }, secret);

  const post = (path: string, body: Record<string, string>) => env.t.http.post(`/v1/integrations/meta/${path}`).type('form').send(body);

  it('answers the webhook verification challenge only with our verify token', async () => {
    const ok = await env.t.http
      .get('/v1/integrations/meta/webhook')
      .query({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': META_APP.verifyToken })
      .expect(200);
    expect(ok.text).toBe('1158201444');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    await env.t.http
      .get('/v1/integrations/meta/webhook')
      .query({ 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'wrong' })
      .expect(403);
    await env.t.http.get('/v1/integrations/meta/webhook').expect(400);
  });

  it('rejects a deauthorize with a bad signature (401) or a malformed one (400), changing nothing', async () => {
    const bad = await post('deauthorize', { signed_request: signed({ user_id: metaUserId }, 'not-the-app-secret') }).expect(401);
    expect(bad.body.error.code).toBe('invalid_signature');
    await post('deauthorize', { signed_request: 'garbage' }).expect(400);
    await post('deauthorize', {}).expect(400);
    await post('data-deletion', { signed_request: signed({ user_id: metaUserId }, 'nope') }).expect(401);
    const [row] = await env.t.dataSource.query(`SELECT status, access_token_ciphertext FROM meta_integrations`);
    expect(row.status).toBe('active');
    expect(row.access_token_ciphertext).toBeTruthy();
  });

  it('a signed deauthorize marks the connection reauth_required and drops its tokens', async () => {
    const res = await post('deauthorize', { signed_request: signed({ user_id: metaUserId }) }).expect(200);
    expect(res.body).toEqual({ success: true });
    const [row] = await env.t.dataSource.query(`SELECT status, status_reason, access_token_ciphertext FROM meta_integrations`);
    expect(row).toMatchObject({ status: 'reauth_required', access_token_ciphertext: null });
    const status = (await env.t.http.get('/v1/integrations/meta/status').set(env.admin.auth).expect(200)).body;
    expect(status.status).toBe('reauth_required');
    const actions = await auditActions(env.t, env.admin.organisationId);
    expect(actions).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'meta.deauthorized', actor_type: 'system' })]));
  });

  it('a signed data deletion request deletes the user data and answers a working status URL', async () => {
    const res = await post('data-deletion', { signed_request: signed({ user_id: metaUserId }) }).expect(200);
    expect(res.body.confirmation_code).toMatch(/^[0-9a-f]{24}$/);
    const url = new URL(res.body.url);
    expect(url.origin).toBe(env.publicUrl);
    expect(url.pathname).toBe(`/v1/integrations/meta/data-deletion/${res.body.confirmation_code}`);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ confirmationCode: res.body.confirmation_code, status: 'completed' });

    const [row] = await env.t.dataSource.query(`SELECT status, meta_user_name, access_token_ciphertext FROM meta_integrations`);
    expect(row).toMatchObject({ status: 'disconnected', meta_user_name: null, access_token_ciphertext: null });
    const [pages] = await env.t.dataSource.query(
      `SELECT count(*)::int AS n FROM meta_pages WHERE page_access_token_ciphertext IS NOT NULL`,
    );
    expect(pages.n).toBe(0);

    await env.t.http.get('/v1/integrations/meta/data-deletion/0123456789abcdef01234567').expect(404);
    await env.t.http.get('/v1/integrations/meta/data-deletion/not-a-code').expect(404);
  });
});
