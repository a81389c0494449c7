/**
 * The Graph client over HTTP against the bundled Meta sandbox: the same wire format, proofs, errors, paging and
 * batches the real Graph API uses. No database is needed; the sandbox plays Meta in-process.
 */
import { DEMO_IDS, startSandbox, type RunningSandbox } from '@legeai/meta-sandbox';
import { BatchingGraphReader } from '../../src/infra/meta-graph/batching-graph-reader';
import { MetaGraphClient, type MetaGraphClientOptions } from '../../src/infra/meta-graph/meta-graph-client';
import { MetaGraphError } from '../../src/infra/meta-graph/meta-graph-error';

const VERSION = 'v26.0';
const REDIRECT_URI = 'http://localhost:3000/v1/integrations/meta/callback';
const SCOPES = ['email', 'pages_show_list', 'pages_read_engagement', 'leads_retrieval', 'ads_read', 'business_management'];

/** Consents on the sandbox's login dialog with everything ticked, and exchanges the code through the client. */
async function login(sandbox: RunningSandbox, client: MetaGraphClient): Promise<string> {
  const query = new URLSearchParams({
    client_id: sandbox.appId,
    redirect_uri: REDIRECT_URI,
    state: 's',
    scope: SCOPES.join(','),
    response_type: 'code',
  });
  const html = await (await fetch(`${sandbox.url}/${VERSION}/dialog/oauth?${query.toString()}`)).text();
  const body = new URLSearchParams({ dialog: /name="dialog" value="([^"]+)"/.exec(html)![1], decision: 'continue' });
  for (const [, name, value] of html.matchAll(/<input type="checkbox" name="([a-z_]+)" value="([^"]+)" checked(?! disabled)/g))
    body.append(name, value);
  const action = /<form method="post" action="([^"]+)"/.exec(html)![1];
  const decided = await fetch(`${sandbox.url}${action}`, { method: 'POST', body, redirect: 'manual' });
  const code = new URL(decided.headers.get('location')!).searchParams.get('code')!;
  const exchanged = await client.post<{ access_token: string }>(
    '/oauth/access_token',
    { client_id: sandbox.appId, client_secret: sandbox.appSecret, redirect_uri: REDIRECT_URI, code },
    { accessToken: '' },
  );
  return exchanged.access_token;
}

describe('MetaGraphClient against the Meta sandbox', () => {
  let sandbox: RunningSandbox;
  let token: string;

  const client = (overrides: Partial<MetaGraphClientOptions> = {}) =>
    new MetaGraphClient({
      graphUrl: sandbox.url,
      apiVersion: VERSION,
      appSecret: sandbox.appSecret,
      timeoutMs: 10_000,
      metrics: false,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      ...overrides,
    });
  const httpRequests = () => sandbox.control.counters().httpRequests;

  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: 'graph-client-e2e',
      redirectUris: [REDIRECT_URI],
      requireAppsecretProof: true,
      webhooks: { enabled: false },
    });
    token = await login(sandbox, client());
  });
  afterAll(() => sandbox?.close());

  it('is accepted with appsecret_proof (classic and time-stamped) and the token in the Authorization header', async () => {
    const me = await client().get<{ id: string; name: string }>('/me', { fields: 'id,name' }, { accessToken: token });
    expect(me).toEqual({ id: DEMO_IDS.userId, name: expect.any(String) });
    const timed = await client({ proofMode: 'timed', now: () => Date.parse(sandbox.control.now().replace('+0000', 'Z')) }).get<{
      id: string;
    }>('/me', { fields: 'id' }, { accessToken: token });
    expect(timed.id).toBe(DEMO_IDS.userId);
  });

  it('is rejected with a proof made from the wrong app secret', async () => {
    const err = await client({ appSecret: 'not-the-app-secret' })
      .get('/me', {}, { accessToken: token })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(MetaGraphError);
    expect(err).toMatchObject({ kind: 'validation', code: 100 });
    expect((err as MetaGraphError).message).toMatch(/appsecret_proof/);
  });

  it('classifies a missing object and a dead token', async () => {
    await expect(client().get('/999999999999999', {}, { accessToken: token })).rejects.toMatchObject({ kind: 'validation', code: 100 });
    const other = await login(sandbox, client());
    sandbox.control.invalidateTokens({ token: other, reason: 'expired' });
    const before = httpRequests();
    await expect(client().get('/me', {}, { accessToken: other })).rejects.toMatchObject({
      kind: 'auth',
      code: 190,
      subcode: 463,
      authReason: 'token_expired',
    });
    expect(httpRequests() - before).toBe(1); // auth errors are not retried
  });

  it('follows paging to the last page, one HTTP request per page', async () => {
    sandbox.control.createLeads({ formId: DEMO_IDS.forms.home, count: 60 });
    const before = httpRequests();
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client().pages<{ id: string }>(
      `${DEMO_IDS.forms.home}/leads`,
      { fields: 'id', limit: 25 },
      { accessToken: token },
    )) {
      pages++;
      ids.push(...page.data.map((l) => l.id));
    }
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(httpRequests() - before).toBe(pages);
  });

  it('splits a batch of more than 50 into calls of at most 50, one result per request', async () => {
    const leads = sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count: 70 });
    const requests = leads.map((l) => ({ method: 'GET' as const, path: `/${l.id}`, params: { fields: 'id,form_id' } }));
    requests.splice(10, 0, { method: 'GET', path: '/999999999999999', params: { fields: 'id,form_id' } });
    const before = httpRequests();
    const results = await client().batch<{ id: string; form_id: string }>(requests, { accessToken: token });
    expect(httpRequests() - before).toBe(2);
    expect(results).toHaveLength(71);
    expect(results[10]).toMatchObject({ ok: false, error: { kind: 'validation', code: 100 } });
    const ok = results.filter((r) => r.ok).map((r) => (r.ok ? r.body.id : ''));
    expect(ok).toEqual(leads.map((l) => l.id));
  });

  it('coalesces 100 concurrent single reads into at most 3 HTTP requests', async () => {
    const leads = sandbox.control.createLeads({ formId: DEMO_IDS.forms.life, count: 100 });
    const reader = new BatchingGraphReader(client());
    const before = httpRequests();
    const fetched = await Promise.all(
      leads.map((l) => reader.get<{ id: string; form_id: string }>(`/${l.id}`, { fields: 'id,form_id' }, { accessToken: token })),
    );
    expect(httpRequests() - before).toBeLessThanOrEqual(3);
    expect(fetched.map((l) => l.id)).toEqual(leads.map((l) => l.id));
    expect(fetched.every((l) => l.form_id === DEMO_IDS.forms.life)).toBe(true);
  });
});
