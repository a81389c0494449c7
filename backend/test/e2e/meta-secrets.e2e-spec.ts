import { MetaConnectResult } from '@legeai/contracts';
import { TokenCipher } from '../../src/infra/crypto/token-cipher';
import { connectMeta } from '../utils/meta-connect-fixtures';
import { META_APP, META_TOKEN_PATTERN, MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(60_000);

/** Tokens are encrypted at rest and never logged, whatever the log level. */
describe('Meta tokens at rest and in logs (e2e)', () => {
  let env: MetaTestEnv;

  beforeAll(async () => {
    env = await startMetaTestEnv({ captureLogs: true });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('after a connect, no access token or page token appears in plaintext in the rows or the debug logs', async () => {
    const { landing } = await connectMeta(env);
    expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);
    await env.t.http.post('/v1/integrations/meta/status/check').set(env.admin.auth).expect(200);
    await env.t.http.post('/v1/integrations/meta/refresh').set(env.admin.auth).expect(200);

    const cipher = env.t.app.get(TokenCipher);
    const [integration] = await env.t.dataSource.query(`SELECT * FROM meta_integrations`);
    const pages = await env.t.dataSource.query(`SELECT * FROM meta_pages`);
    const secrets = [
      cipher.decrypt(
        { ciphertext: integration.access_token_ciphertext, keyId: integration.access_token_key_id },
        integration.organisation_id,
      ),
      ...pages.map((p: { page_access_token_ciphertext: string; page_access_token_key_id: string; organisation_id: string }) =>
        cipher.decrypt({ ciphertext: p.page_access_token_ciphertext, keyId: p.page_access_token_key_id }, p.organisation_id),
      ),
    ];
    expect(secrets.length).toBeGreaterThan(1);
    expect(secrets.every((s) => META_TOKEN_PATTERN.test(s))).toBe(true);

    const rows = JSON.stringify({ integration, pages });
    const logs = env.logs.join('\n');
    // The capture is real: Graph calls and the callback request were logged at debug level.
    expect(logs).toContain('Graph call');
    expect(logs).toContain('/v1/integrations/meta/callback');
    for (const text of [rows, logs]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(META_TOKEN_PATTERN);
      expect(text).not.toContain(META_APP.secret);
    }
    // The OAuth code and state in the callback URL are not logged either.
    expect(logs).not.toMatch(/[?&]code=AQ/);
  });
});
