import { MetaConnectionStatus } from '@legeai/contracts';
import { createHmac } from 'node:crypto';
import { signRequest } from '../../src/modules/meta-auth/callbacks/signed-request';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { META_APP, MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(60_000);

/**
 * The overlap after the app secret is reset in Meta's dashboard: META_APP_SECRET holds the new secret (the sandbox,
 * playing Meta, knows only that one), META_APP_SECRET_PREVIOUS the old one.
 */
describe('Meta app secret rotation (e2e)', () => {
  const PREVIOUS = 'the-app-secret-before-the-reset';
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ captureLogs: true, seed: 'app-secret-rotation', env: { META_APP_SECRET_PREVIOUS: PREVIOUS } });
    await connectOrganisation(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  const webhook = (body: string, secret: string) =>
    env.t.http
      .post('/v1/integrations/meta/webhook')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
      .send(body);
  const callback = (path: string, secret: string) =>
    env.t.http
      .post(`/v1/integrations/meta/${path}`)
      .type('form')
      .send({
        signed_request: signRequest({ algorithm: 'HMAC-SHA256', issued_at: Math.floor(Date.now() / 1000), user_id: '999000111' }, secret),
      });
  /** meta_app_secret_previous_used_total for one surface, as /metrics shows it. */
  const previousUses = async (surface: string): Promise<number> => {
    const text = (await env.t.http.get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`meta_app_secret_previous_used_total{surface="${surface}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  let deliveries = 0;
  const emptyDelivery = () => JSON.stringify({ object: 'page', entry: [], n: ++deliveries });

  it('sends Meta only the current secret: the connect (code exchange) and the health check (appsecret_proof) succeed', async () => {
    const status = (await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200))
      .body as MetaConnectionStatus;
    expect(status.connected).toBe(true);
    expect(status.checks.find((c) => c.key === 'token')!.level).toBe('ok');
    // The sandbox requires appsecret_proof and knows only the current secret: nothing it answered was an error.
    expect(env.sandbox.control.calls().filter((call) => call.status >= 400)).toEqual([]);
  });

  it('accepts a webhook signed with the current secret without counting it as the previous one', async () => {
    const before = await previousUses('webhook');
    await webhook(emptyDelivery(), META_APP.secret).expect(200);
    expect(await previousUses('webhook')).toBe(before);
  });

  it('accepts a webhook signed with the previous secret, logs it without the secret and counts it', async () => {
    const before = await previousUses('webhook');
    const res = await webhook(emptyDelivery(), PREVIOUS).expect(200);
    expect(res.body).toEqual({ outcome: 'ignored' });
    expect(await previousUses('webhook')).toBe(before + 1);
    const logs = env.logs.join('\n');
    expect(logs).toContain('verified with META_APP_SECRET_PREVIOUS');
    expect(logs).not.toContain(PREVIOUS);
  });

  it('refuses a webhook signed with an unrelated secret with 403, storing nothing', async () => {
    const before = await env.t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox`);
    const res = await webhook(emptyDelivery(), 'an-unrelated-secret').expect(403);
    expect(res.body.error).toMatchObject({ status: 403, code: 'invalid_signature', requestId: expect.any(String) });
    expect(await env.t.dataSource.query(`SELECT count(*)::int AS n FROM meta_webhook_inbox`)).toEqual(before);
  });

  it('accepts a signed_request callback signed with the previous secret and counts it; refuses an unrelated one with 401', async () => {
    const bad = await callback('deauthorize', 'an-unrelated-secret').expect(401);
    expect(bad.body.error).toMatchObject({ status: 401, code: 'invalid_signature' });

    const before = await previousUses('signed_request');
    // A Meta user we hold nothing about: the answer is Meta's, and nothing of ours changes.
    await callback('deauthorize', PREVIOUS).expect(200, { success: true });
    expect(await previousUses('signed_request')).toBe(before + 1);
    await callback('deauthorize', META_APP.secret).expect(200);
    expect(await previousUses('signed_request')).toBe(before + 1);
  });
});
