import { AddressInfo, createServer } from 'node:net';
import { startSandbox, type RunningSandbox } from '@legeai/meta-sandbox';
import { PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { buildLoggerParams } from '../../src/infra/logging/logger-options';
import { createTestApp, TestApp } from './create-test-app';
import { FIRST_ADMIN, login, SignedInUser } from './identity-fixtures';

export const META_APP = { id: '1234567890123', secret: 'e2e-meta-app-secret', verifyToken: 'e2e-verify-token', version: 'v26.0' };

/** Sandbox tokens look like Meta's (EAAG…); any such string in a row or a log line is a leak. */
export const META_TOKEN_PATTERN = /EAAG[A-Za-z0-9_-]{30,}/;

export interface MetaTestEnv {
  t: TestApp;
  sandbox: RunningSandbox;
  publicUrl: string;
  admin: SignedInUser;
  /** Every log line the app wrote (debug level), when asked for. */
  logs: string[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The app listening on a real port (Meta's webhook handshake calls it back) with every META_* variable pointing at
 * a sandbox started in this process, as a real deployment points them at Meta.
 */
export async function startMetaTestEnv(options: { captureLogs?: boolean } = {}): Promise<MetaTestEnv> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    seed: 'meta-e2e',
    appId: META_APP.id,
    appSecret: META_APP.secret,
    verifyToken: META_APP.verifyToken,
    redirectUris: [`${publicUrl}/v1/integrations/meta/callback`],
    webhooks: { batchWindowMs: 20, retryTimeScale: 1_000_000, duplicateRate: 0, timeoutMs: 2000 },
  });
  const logs: string[] = [];
  let t: TestApp;
  try {
    t = await createTestApp({
      env: {
        PUBLIC_URL: publicUrl,
        META_APP_ID: META_APP.id,
        META_APP_SECRET: META_APP.secret,
        META_VERIFY_TOKEN: META_APP.verifyToken,
        META_REDIRECT_URI: `${publicUrl}/v1/integrations/meta/callback`,
        META_GRAPH_URL: sandbox.url,
        META_DIALOG_URL: sandbox.url,
        META_API_VERSION: META_APP.version,
        ...(options.captureLogs ? { LOG_LEVEL: 'debug' } : {}),
      },
      configure: options.captureLogs
        ? (builder) => {
            const params = buildLoggerParams('debug');
            const stream = { write: (line: string) => void logs.push(line) };
            return builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue({ pinoHttp: [params.pinoHttp, stream] });
          }
        : undefined,
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  await t.app.listen(port, '127.0.0.1');
  const admin = await login(t, FIRST_ADMIN.email, FIRST_ADMIN.password);
  return {
    t,
    sandbox,
    publicUrl,
    admin,
    logs,
    async close() {
      await t.close();
      await sandbox.close();
    },
  };
}

export interface ConsentForm {
  action: string;
  dialogId: string;
  scopes: string[];
  /** Assets ticked by default (pages, ad accounts, businesses), as form fields. */
  assets: [string, string][];
}

/** Opens Meta's (the sandbox's) consent page the way a browser would. */
export async function openConsent(url: string): Promise<ConsentForm> {
  const response = await fetch(url);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`dialog answered ${response.status}: ${html.slice(0, 300)}`);
  const checked = (name: string) =>
    [...html.matchAll(new RegExp(`<input type="checkbox" name="${name}" value="([^"]+)" checked(?! disabled)`, 'g'))].map((m) => m[1]);
  return {
    action: /<form method="post" action="([^"]+)"/.exec(html)![1],
    dialogId: /name="dialog" value="([^"]+)"/.exec(html)![1],
    scopes: checked('scope'),
    assets: (['page', 'ad_account', 'business'] as const).flatMap((name) => checked(name).map((id): [string, string] => [name, id])),
  };
}

/** Clicks Continue (optionally with some permissions unticked) or Cancel; answers Meta's redirect to our callback. */
export async function decide(env: MetaTestEnv, form: ConsentForm, decision: 'continue' | 'cancel', untick: string[] = []): Promise<string> {
  const body = new URLSearchParams({ dialog: form.dialogId, decision });
  for (const scope of form.scopes.filter((s) => !untick.includes(s))) body.append('scope', scope);
  for (const [name, id] of form.assets) body.append(name, id);
  const response = await fetch(`${env.sandbox.url}${form.action}`, { method: 'POST', body, redirect: 'manual' });
  if (response.status !== 302) throw new Error(`decide answered ${response.status}: ${await response.text()}`);
  return response.headers.get('location')!;
}

/** Follows Meta's redirect to our callback; answers where our callback sends the browser. */
export async function followCallback(callbackUrl: string): Promise<URL> {
  const response = await fetch(callbackUrl.replace(/#_=_$/, ''), { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`callback answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get('location')!);
}

/** The whole Connect click-through; answers the console URL the browser lands on. */
export async function connectMeta(env: MetaTestEnv, options: { untick?: string[]; user?: SignedInUser } = {}): Promise<{ landing: URL; callbackUrl: string }> {
  const res = await env.t.http.get('/v1/integrations/meta/auth/url').set((options.user ?? env.admin).auth);
  if (res.status !== 200) throw new Error(`auth/url → ${res.status} ${JSON.stringify(res.body)}`);
  const form = await openConsent(res.body.url);
  const callbackUrl = await decide(env, form, 'continue', options.untick);
  return { landing: await followCallback(callbackUrl), callbackUrl };
}
