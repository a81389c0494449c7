import { register } from 'prom-client';
import { appsecretProofParams } from './appsecret-proof';
import { MetaGraphClient, type MetaGraphClientOptions } from './meta-graph-client';
import { GraphPagingLimitError, MetaGraphError } from './meta-graph-error';
import { sendJson, startGraphTestServer, type TestHandler } from './testing/graph-test-server';

const TOKEN = 'EAAsecretUserToken0123456789abcdefXYZ';
const SECRET = 'app-secret-for-tests';
const classicProof = appsecretProofParams(TOKEN, SECRET, 'classic').appsecret_proof;

describe(MetaGraphClient.name, () => {
  let server: Awaited<ReturnType<typeof startGraphTestServer>>;
  let handler: TestHandler;
  const logs: unknown[] = [];
  let sleeps: number[];
  let now: number;

  beforeAll(async () => {
    server = await startGraphTestServer((req, res) => handler(req, res));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    logs.length = 0;
    sleeps = [];
    now = 1_764_400_000_000;
  });

  function client(overrides: Partial<MetaGraphClientOptions> = {}) {
    return new MetaGraphClient({
      graphUrl: server.url,
      apiVersion: 'v26.0',
      appSecret: SECRET,
      timeoutMs: 2000,
      metrics: false,
      random: () => 0.5,
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      logger: { debug: (m, f) => logs.push([m, f]), warn: (m, f) => logs.push([m, f]) },
      ...overrides,
    });
  }

  it('GETs the versioned path with appsecret_proof, token only in the Authorization header', async () => {
    handler = (_req, res) => sendJson(res, 200, { id: '42', name: 'Agency' });
    const me = await client().get<{ id: string; name: string }>('/me', { fields: 'id,name' }, { accessToken: TOKEN });

    expect(me).toEqual({ id: '42', name: 'Agency' });
    const [req] = server.requests;
    expect(req.url.pathname).toBe('/v26.0/me');
    expect(req.url.searchParams.get('fields')).toBe('id,name');
    expect(req.url.searchParams.get('appsecret_proof')).toBe(classicProof);
    expect(req.url.searchParams.has('access_token')).toBe(false);
    expect(req.url.href).not.toContain(TOKEN);
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("remembers and logs Meta's version warning once", async () => {
    handler = (_req, res) => sendJson(res, 200, {}, { 'x-ad-api-version-warning': 'The call was upgraded to v25.0' });
    const c = client();
    await c.get('/me', {}, { accessToken: TOKEN });
    await c.get('/me', {}, { accessToken: TOKEN });
    expect(c.versionWarning).toBe('The call was upgraded to v25.0');
    expect(logs.filter((l) => (l as [string])[0].includes('version warning'))).toHaveLength(1);
  });

  it('sends the time-stamped proof when configured', async () => {
    handler = (_req, res) => sendJson(res, 200, {});
    await client({ proofMode: 'timed' }).get('/me', {}, { accessToken: TOKEN });
    const q = server.requests[0].url.searchParams;
    expect(q.get('appsecret_time')).toBe('1764400000');
    expect(q.get('appsecret_proof')).toBe(appsecretProofParams(TOKEN, SECRET, 'timed', now).appsecret_proof);
  });

  it('POSTs a form body with nested values as JSON, the token and the proof, nothing in the URL', async () => {
    handler = (_req, res) => sendJson(res, 200, { id: '120210000000000001' });
    await client().post(
      'act_1/campaigns',
      { name: 'Auto', special_ad_categories: ['FINANCIAL_PRODUCTS_SERVICES'] },
      { accessToken: TOKEN },
    );
    const [req] = server.requests;
    expect(req.method).toBe('POST');
    expect(req.url.search).toBe('');
    expect(req.form.get('special_ad_categories')).toBe('["FINANCIAL_PRODUCTS_SERVICES"]');
    expect(req.form.get('appsecret_proof')).toBe(classicProof);
    expect(req.form.get('access_token')).toBe(TOKEN);
    expect(req.url.href).not.toContain(TOKEN);
  });

  it('throws a typed auth error for 190 without retrying, and logs no token', async () => {
    handler = (_req, res) =>
      sendJson(res, 400, {
        error: { message: `Malformed access token ${TOKEN}`, type: 'OAuthException', code: 190, error_subcode: 467, fbtrace_id: 'Atrace' },
      });
    const err: MetaGraphError = await client()
      .get('/me', {}, { accessToken: TOKEN })
      .then(
        () => {
          throw new Error('expected a failure');
        },
        (e: MetaGraphError) => e,
      );
    expect(err).toBeInstanceOf(MetaGraphError);
    expect(err).toMatchObject({ kind: 'auth', code: 190, subcode: 467, fbtraceId: 'Atrace', httpStatus: 400, request: 'GET /me' });
    expect(err.message).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('retries a transient error with backoff and then succeeds', async () => {
    let n = 0;
    handler = (_req, res) =>
      n++ < 2
        ? sendJson(res, 500, { error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } })
        : sendJson(res, 200, { ok: true });
    await expect(client().get('/me', {}, { accessToken: TOKEN })).resolves.toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
    // Every attempt carries the proof.
    for (const r of server.requests) expect(r.url.searchParams.get('appsecret_proof')).toBe(classicProof);
  });

  it('tries a call only as often as its context allows, for callers that retry on their own schedule', async () => {
    handler = (_req, res) => sendJson(res, 500, { error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } });
    await expect(client().get('/lead', {}, { accessToken: TOKEN, maxAttempts: 1 })).rejects.toMatchObject({ kind: 'transient', code: 2 });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    server.requests.length = 0;
    await expect(client().get('/lead', {}, { accessToken: TOKEN })).rejects.toMatchObject({ kind: 'transient' });
    expect(server.requests).toHaveLength(4);
  });

  it('times out a call that gets no answer; retries it for GET but not for POST', async () => {
    handler = () => undefined; // never answers
    const c = client({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(c.get('/slow', {}, { accessToken: TOKEN })).rejects.toMatchObject({ kind: 'transient', network: 'timeout' });
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    await expect(c.post('/slow', {}, { accessToken: TOKEN })).rejects.toMatchObject({ kind: 'transient' });
    expect(server.requests).toHaveLength(1);
  });

  it('classifies an unreachable host as transient', async () => {
    const c = client({ graphUrl: 'http://127.0.0.1:1', retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(c.get('/me', {}, { accessToken: TOKEN })).rejects.toMatchObject({ kind: 'transient', network: 'unreachable' });
  });

  describe('pacing', () => {
    const hot = JSON.stringify({
      '123': [{ type: 'ads_management', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 5 }],
    });

    it('fails fast with the regain time once usage headers say the account is exhausted', async () => {
      handler = (_req, res) => sendJson(res, 200, { data: [] }, { 'x-business-use-case-usage': hot });
      const c = client();
      const ctx = { accessToken: TOKEN, adAccountId: 'act_123', onPaused: 'fail' as const };
      await c.get('act_123/campaigns', {}, ctx);
      const err: MetaGraphError = await c.get('act_123/campaigns', {}, ctx).then(
        () => {
          throw new Error('expected a failure');
        },
        (e: MetaGraphError) => e,
      );
      expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 300_000 });
      expect(server.requests).toHaveLength(1);
      expect(c.pauses()).toEqual([expect.objectContaining({ scope: 'business', id: '123' })]);
      // Another account is not affected.
      await c.get('act_999/campaigns', {}, { accessToken: TOKEN, adAccountId: 'act_999', onPaused: 'fail' });
      expect(server.requests).toHaveLength(2);
    });

    it('waits for the pause (instead of calling) when the caller prefers to wait', async () => {
      let n = 0;
      handler = (_req, res) =>
        n++ === 0
          ? sendJson(
              res,
              400,
              { error: { message: '(#80004) There have been too many calls to this ad-account.', code: 80004, error_subcode: 2446079 } },
              { 'x-business-use-case-usage': hot },
            )
          : sendJson(res, 200, { data: [] });
      const c = client({ maxPauseWaitMs: 600_000 });
      const ctx = { accessToken: TOKEN, adAccountId: 'act_123' };
      await expect(c.get('act_123/ads', {}, ctx)).rejects.toMatchObject({ kind: 'rate_limited', code: 80004, retryAfterMs: 300_000 });
      await expect(c.get('act_123/ads', {}, ctx)).resolves.toEqual({ data: [] });
      expect(sleeps).toEqual([300_000]);
      expect(server.requests).toHaveLength(2);
    });
  });

  describe('paging', () => {
    function pagedHandler(total: number, pageSize: number): TestHandler {
      return (req, res) => {
        const after = Number(req.url.searchParams.get('after') ?? 0);
        const data = Array.from({ length: Math.min(pageSize, total - after) }, (_, i) => ({ id: String(after + i) }));
        const nextAfter = after + data.length;
        const paging: Record<string, unknown> = { cursors: { before: String(after), after: String(nextAfter) } };
        if (nextAfter < total) paging.next = `${server.url}/v26.0/form1/leads?access_token=${TOKEN}&limit=${pageSize}&after=${nextAfter}`;
        sendJson(res, 200, { data, paging });
      };
    }

    it('follows cursors to the last page with a fresh proof and no token in any URL', async () => {
      handler = pagedHandler(7, 3);
      const ids: string[] = [];
      for await (const lead of client().paginate<{ id: string }>('form1/leads', { limit: 3 }, { accessToken: TOKEN })) ids.push(lead.id);
      expect(ids).toEqual(['0', '1', '2', '3', '4', '5', '6']);
      expect(server.requests.map((r) => r.url.searchParams.get('after'))).toEqual([null, '3', '6']);
      for (const r of server.requests) {
        expect(r.url.searchParams.get('appsecret_proof')).toBe(classicProof);
        expect(r.url.href).not.toContain(TOKEN);
        expect(r.url.searchParams.get('limit')).toBe('3');
      }
    });

    it('stops with GraphPagingLimitError when more pages exist than allowed', async () => {
      handler = pagedHandler(100, 10);
      const seen: number[] = [];
      const walk = async () => {
        for await (const page of client().pages<{ id: string }>('form1/leads', {}, { accessToken: TOKEN }, { maxPages: 2 }))
          seen.push(page.data.length);
      };
      await expect(walk()).rejects.toBeInstanceOf(GraphPagingLimitError);
      expect(seen).toEqual([10, 10]);
      expect(server.requests).toHaveLength(2);
    });

    it('rebuilds time-based paging from the next URL without its token', async () => {
      handler = (req, res) =>
        req.url.searchParams.get('until')
          ? sendJson(res, 200, { data: [{ id: 'b' }] })
          : sendJson(res, 200, { data: [{ id: 'a' }], paging: { next: `${server.url}/v26.0/1/insights?access_token=${TOKEN}&until=100` } });
      const ids: string[] = [];
      for await (const row of client().paginate<{ id: string }>('1/insights', {}, { accessToken: TOKEN })) ids.push(row.id);
      expect(ids).toEqual(['a', 'b']);
      expect(server.requests[1].url.pathname).toBe('/v26.0/1/insights');
      expect(server.requests[1].url.href).not.toContain(TOKEN);
    });
  });

  it('records per-call metrics by method, path template, status and kind', async () => {
    handler = (_req, res) => sendJson(res, 200, { id: '1' });
    const metered = client({ metrics: undefined });
    await metered.get('act_555/campaigns', {}, { accessToken: TOKEN });
    const metric = await register.getSingleMetric('meta_graph_requests_total')!.get();
    expect(metric.values).toContainEqual(
      expect.objectContaining({ labels: { method: 'GET', path: '/act_{id}/campaigns', status: '200', kind: 'ok' }, value: 1 }),
    );
    metered.dispose();
  });
});
