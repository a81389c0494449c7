import { request } from 'node:http';
import { startSandbox, type RunningSandbox } from '@legeai/meta-sandbox';
import { MetaConnectResult } from '@legeai/contracts';
import { freePort } from '../utils/free-port';
import { decide, followCallback, openConsent } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';

jest.setTimeout(60_000);

const PUBLIC = 'https://crm.agency.test';

/** A GET to the app on 127.0.0.1 as a browser that opened it under another name would send it. */
function getAs(
  env: MetaTestEnv,
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; location?: string; body: string }> {
  const { port } = new URL(env.publicUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { ...headers, Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The product in sandbox mode (META_APP_ID unset, as `npm start` runs it) in front of a sandbox of the test's own,
 * whose app is the one sandbox mode names and which lists `redirectUris`, as an owner lists their team's addresses.
 */
async function startSandboxMode(seed: string, env: Record<string, string>): Promise<{ env: MetaTestEnv; sandbox: RunningSandbox }> {
  const port = await freePort();
  const sandbox = await startSandbox({
    seed,
    appId: 'sandbox-app',
    appSecret: 'sandbox-app-secret',
    verifyToken: 'sandbox-verify-token',
    redirectUris: [`http://127.0.0.1:${port}/v1/integrations/meta/callback`],
    webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: 2000 },
  });
  const sandboxMode = { META_APP_ID: '', META_APP_SECRET: '', META_VERIFY_TOKEN: '', META_REDIRECT_URI: '' };
  return { env: await startMetaTestEnv({ port, sandbox, env: { ...sandboxMode, ...env } }), sandbox };
}

describe('Meta connect from whatever address the console was opened at (e2e)', () => {
  describe('without PUBLIC_URL', () => {
    let env: MetaTestEnv;
    let sandbox: RunningSandbox;

    beforeAll(async () => {
      ({ env, sandbox } = await startSandboxMode('connect-address', { PUBLIC_URL: '' }));
    });

    afterAll(async () => {
      await env?.close();
      await sandbox?.close();
    });

    it('the dialog returns to the address the console was opened at, and the round trip lands there', async () => {
      const { port } = new URL(env.publicUrl);
      const res = await getAs(env, `127.0.0.1:${port}`, '/v1/integrations/meta/auth/url', env.admin.auth);
      expect(res.status).toBe(200);
      const { url } = JSON.parse(res.body) as { url: string };
      expect(new URL(url).searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/v1/integrations/meta/callback`);

      const callbackUrl = await decide(env, await openConsent(url), 'continue');
      expect(new URL(callbackUrl).origin).toBe(`http://127.0.0.1:${port}`);
      // The code exchange sends the same redirect URI (Meta refuses the code otherwise), so the connection is stored.
      const landing = await followCallback(callbackUrl);
      expect(landing.origin).toBe(`http://127.0.0.1:${port}`);
      expect(landing.pathname).toBe('/integrations/meta');
      expect(landing.searchParams.get('result')).toBe(MetaConnectResult.Connected);
    });

    it('another host name gets its own redirect URI, and its callback sends the browser back to that name', async () => {
      const { port } = new URL(env.publicUrl);
      const host = `agency-vm.test:${port}`;
      const res = await getAs(env, host, '/v1/integrations/meta/auth/url', env.admin.auth);
      expect(res.status).toBe(200);
      expect(new URL((JSON.parse(res.body) as { url: string }).url).searchParams.get('redirect_uri')).toBe(
        `http://${host}/v1/integrations/meta/callback`,
      );
      const callback = await getAs(env, host, `/v1/integrations/meta/callback?code=AQforged&state=${'x'.repeat(43)}`);
      expect(callback.status).toBe(302);
      const landing = new URL(callback.location!);
      expect(landing.origin).toBe(`http://${host}`);
      expect(landing.searchParams.get('result')).toBe(MetaConnectResult.InvalidState);
    });

    it('a Host header that is not a plain host name falls back to the default address', async () => {
      const callback = await getAs(env, 'evil.test/phish?', `/v1/integrations/meta/callback?code=AQforged&state=${'x'.repeat(43)}`);
      // Node refuses such a Host itself, or we ignore it: either way the browser is never sent to it.
      if (callback.status === 302) expect(new URL(callback.location!).hostname).not.toBe('evil.test');
      else expect(callback.status).toBe(400);
    });

    it("Swagger names no server, so 'Try it out' calls the address the page was opened at", async () => {
      const res = await getAs(env, '127.0.0.1', '/docs-json');
      expect(res.status).toBe(200);
      expect((JSON.parse(res.body) as { servers?: unknown[] }).servers ?? []).toEqual([]);
    });
  });

  describe('with PUBLIC_URL', () => {
    let env: MetaTestEnv;
    let sandbox: RunningSandbox;

    beforeAll(async () => {
      ({ env, sandbox } = await startSandboxMode('connect-address-public', { PUBLIC_URL: PUBLIC }));
    });

    afterAll(async () => {
      await env?.close();
      await sandbox?.close();
    });

    it('PUBLIC_URL is used whatever address the request came to', async () => {
      // Swagger and the dialog's redirect name PUBLIC_URL; the browser is sent back to it.
      const { port } = new URL(env.publicUrl);
      const res = await getAs(env, `agency-vm.test:${port}`, '/v1/integrations/meta/auth/url', env.admin.auth);
      expect(new URL((JSON.parse(res.body) as { url: string }).url).searchParams.get('redirect_uri')).toBe(
        `${PUBLIC}/v1/integrations/meta/callback`,
      );
      const callback = await getAs(env, `agency-vm.test:${port}`, `/v1/integrations/meta/callback?code=AQforged&state=${'x'.repeat(43)}`);
      expect(new URL(callback.location!).origin).toBe(PUBLIC);
      const docs = await getAs(env, `agency-vm.test:${port}`, '/docs-json');
      expect((JSON.parse(docs.body) as { servers: { url: string }[] }).servers.map((s) => s.url)).toEqual([PUBLIC]);
    });
  });
});
