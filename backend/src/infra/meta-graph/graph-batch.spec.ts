import { appsecretProofParams } from './appsecret-proof';
import { BatchingGraphReader } from './batching-graph-reader';
import { chunk, parseBatchItem, toBatchOperation, type BatchOperation } from './graph-batch';
import { MetaGraphClient } from './meta-graph-client';
import { MetaGraphError } from './meta-graph-error';
import { sendJson, startGraphTestServer, type RecordedRequest, type TestHandler } from './testing/graph-test-server';

const TOKEN = 'EAAbatchToken0123456789abcdefghij';
const SECRET = 'batch-secret';

describe('graph batch helpers', () => {
  it('splits at 50', () => {
    expect(
      chunk(
        Array.from({ length: 120 }, (_, i) => i),
        50,
      ).map((c) => c.length),
    ).toEqual([50, 50, 20]);
    expect(chunk([], 50)).toEqual([]);
  });

  it('encodes GETs into relative_url and POSTs into a form body, without a leading slash', () => {
    expect(toBatchOperation({ method: 'GET', path: '/123', params: { fields: 'id,field_data' } })).toEqual({
      method: 'GET',
      relative_url: '123?fields=id%2Cfield_data',
    });
    expect(toBatchOperation({ method: 'POST', path: '120/', params: { status: 'PAUSED' }, name: 'p' })).toEqual({
      method: 'POST',
      relative_url: '120/',
      body: 'status=PAUSED',
      name: 'p',
    });
    expect(toBatchOperation({ method: 'DELETE', path: 'x' })).toEqual({ method: 'DELETE', relative_url: 'x' });
  });

  it('maps an item to a result or a typed error', () => {
    expect(parseBatchItem({ code: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], body: '{"id":"1"}' })).toEqual({
      ok: true,
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { id: '1' },
    });
    const failed = parseBatchItem({ code: 403, body: '{"error":{"message":"(#200) Requires leads_retrieval permission","code":200}}' });
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toMatchObject({ kind: 'permission', missingPermissions: ['leads_retrieval'] });
  });
});

/** A server that answers batches like Meta: `/{id}` gives `{id}`, ids starting with "bad" give 100, "perm" gives 10. */
function batchAnswer(req: RecordedRequest, nulls: Set<string>) {
  const ops = JSON.parse(req.form.get('batch') ?? '[]') as BatchOperation[];
  return ops.map((op) => {
    const id = op.relative_url.split('?')[0];
    if (nulls.has(id)) {
      nulls.delete(id);
      return null;
    }
    if (id.startsWith('bad'))
      return {
        code: 400,
        headers: [],
        body: JSON.stringify({ error: { message: '(#100) Invalid parameter', code: 100, error_user_msg: `bad ${id}` } }),
      };
    if (id.startsWith('perm'))
      return {
        code: 403,
        headers: [],
        body: JSON.stringify({ error: { message: '(#10) Requires leads_retrieval permission', code: 10 } }),
      };
    return { code: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], body: JSON.stringify({ id, via: op.method }) };
  });
}

describe('batch over HTTP', () => {
  let server: Awaited<ReturnType<typeof startGraphTestServer>>;
  let handler: TestHandler;
  let nulls: Set<string>;
  beforeAll(async () => (server = await startGraphTestServer((req, res) => handler(req, res))));
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    nulls = new Set();
    handler = (req, res) =>
      req.method === 'POST' && req.url.pathname === '/v26.0/'
        ? sendJson(res, 200, batchAnswer(req, nulls))
        : sendJson(res, 200, { id: req.url.pathname.split('/').pop(), via: 'single' });
  });

  const client = () =>
    new MetaGraphClient({
      graphUrl: server.url,
      apiVersion: 'v26.0',
      appSecret: SECRET,
      timeoutMs: 2000,
      metrics: false,
      random: () => 0,
      sleep: async () => undefined,
    });

  it('sends 120 requests as 3 calls of 50/50/20, with one top-level token and proof, none in any operation', async () => {
    const requests = Array.from({ length: 120 }, (_, i) => ({ method: 'GET' as const, path: String(1000 + i), params: { fields: 'id' } }));
    const results = await client().batch<{ id: string }>(requests, { accessToken: TOKEN });

    expect(results).toHaveLength(120);
    expect(results.map((r) => r.ok && r.body.id)).toEqual(requests.map((r) => r.path));
    expect(server.requests.map((r) => (JSON.parse(r.form.get('batch')!) as unknown[]).length)).toEqual([50, 50, 20]);
    for (const r of server.requests) {
      expect(r.form.get('appsecret_proof')).toBe(appsecretProofParams(TOKEN, SECRET, 'classic').appsecret_proof);
      expect(r.form.get('include_headers')).toBe('true');
      // One top-level token; operations inherit it and never carry one themselves.
      expect(r.form.get('access_token')).toBe(TOKEN);
      expect(r.form.get('batch')).not.toContain(TOKEN);
      expect(r.url.href).not.toContain(TOKEN);
    }
  });

  it('returns a typed error per failed item and results for the others', async () => {
    const results = await client().batch(
      [
        { method: 'GET', path: '1' },
        { method: 'GET', path: 'bad-2' },
        { method: 'GET', path: 'perm-3' },
        { method: 'POST', path: '4', params: { status: 'PAUSED' } },
      ],
      { accessToken: TOKEN },
    );
    expect(results[0]).toMatchObject({ ok: true, body: { id: '1' } });
    expect(results[1]).toMatchObject({ ok: false, error: { kind: 'validation', userMessage: 'bad bad-2' } });
    expect(results[2]).toMatchObject({ ok: false, error: { kind: 'permission', missingPermissions: ['leads_retrieval'] } });
    expect(results[3]).toMatchObject({ ok: true, body: { id: '4', via: 'POST' } });
    expect(server.requests).toHaveLength(1);
  });

  it('re-submits only the operations that did not run (null items)', async () => {
    nulls = new Set(['2', '3']);
    const results = await client().batch(
      [1, 2, 3, 4].map((i) => ({ method: 'GET' as const, path: String(i) })),
      { accessToken: TOKEN },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect((JSON.parse(server.requests[1].form.get('batch')!) as BatchOperation[]).map((o) => o.relative_url)).toEqual(['2', '3']);
  });

  it('with maxAttempts 1, neither re-submits a transiently failed read nor retries a failed batch call', async () => {
    const transient = {
      code: 500,
      headers: [],
      body: JSON.stringify({ error: { message: 'An unexpected error has occurred.', code: 2, is_transient: true } }),
    };
    handler = (_req, res) => sendJson(res, 200, [transient, transient]);
    const results = await client().batch(
      [
        { method: 'GET', path: '1' },
        { method: 'GET', path: '2' },
      ],
      { accessToken: TOKEN, maxAttempts: 1 },
    );
    expect(results.map((r) => !r.ok && r.error.kind)).toEqual(['transient', 'transient']);
    expect(server.requests).toHaveLength(1);

    server.requests.length = 0;
    handler = (_req, res) => sendJson(res, 503, { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } });
    await expect(
      client().batch(
        [
          { method: 'GET', path: '1' },
          { method: 'GET', path: '2' },
        ],
        { accessToken: TOKEN, maxAttempts: 1 },
      ),
    ).rejects.toMatchObject({
      kind: 'transient',
    });
    expect(server.requests).toHaveLength(1);

    // Without it, the client's policy: four rounds of the failed reads.
    server.requests.length = 0;
    handler = (_req, res) =>
      sendJson(
        res,
        200,
        (JSON.parse(_req.form.get('batch')!) as unknown[]).map(() => transient),
      );
    await client().batch([{ method: 'GET', path: '1' }], { accessToken: TOKEN });
    expect(server.requests).toHaveLength(4);
  });

  describe(BatchingGraphReader.name, () => {
    it('turns 100 concurrent gets for one token into 2 batch calls and resolves each caller', async () => {
      const sut = new BatchingGraphReader(client(), { windowMs: 5 });
      const ids = Array.from({ length: 100 }, (_, i) => String(5000 + i));
      const leads = await Promise.all(ids.map((id) => sut.get<{ id: string }>(id, { fields: 'id,field_data' }, { accessToken: TOKEN })));
      expect(leads.map((l) => l.id)).toEqual(ids);
      expect(server.requests).toHaveLength(2);
      expect(sut.waiting).toBe(0);
    });

    it('sends what it collected at once on flushNow, without waiting out a long window', async () => {
      const sut = new BatchingGraphReader(client(), { windowMs: 60_000 });
      const ctx = { accessToken: TOKEN };
      const reads = ['7001', '7002', '7003'].map((id) => sut.get<{ id: string }>(id, {}, ctx));
      expect(sut.waiting).toBe(3);
      sut.flushNow(ctx);
      expect(sut.waiting).toBe(0);
      expect((await Promise.all(reads)).map((l) => l.id)).toEqual(['7001', '7002', '7003']);
      expect(server.requests).toHaveLength(1);
      sut.flushNow({ accessToken: 'EAAnothingCollected123' }); // nothing collected for it: nothing is sent
      expect(server.requests).toHaveLength(1);
    });

    it('rejects only the callers whose item failed', async () => {
      const sut = new BatchingGraphReader(client());
      const outcomes = await Promise.allSettled(['1', 'bad-2', '3'].map((id) => sut.get(id, {}, { accessToken: TOKEN })));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (outcomes[1] as PromiseRejectedResult).reason as MetaGraphError;
      expect(reason).toBeInstanceOf(MetaGraphError);
      expect(reason.kind).toBe('validation');
      expect(server.requests).toHaveLength(1);
    });

    it('keeps different tokens in different batches', async () => {
      const sut = new BatchingGraphReader(client());
      await Promise.all([
        sut.get('1', {}, { accessToken: 'EAAtokenOne1234567890' }),
        sut.get('2', {}, { accessToken: 'EAAtokenOne1234567890' }),
        sut.get('3', {}, { accessToken: 'EAAtokenTwo1234567890' }),
        sut.get('4', {}, { accessToken: 'EAAtokenTwo1234567890' }),
      ]);
      expect(server.requests).toHaveLength(2);
      expect(server.requests.map((r) => r.form.get('access_token')).sort()).toEqual(['EAAtokenOne1234567890', 'EAAtokenTwo1234567890']);
    });

    /** Starts `count` reads `gapMs` apart on a fake clock, then lets the last window run out; answers the reads. */
    const raggedWave = (sut: BatchingGraphReader, count: number, gapMs: number, firstId: number): Promise<unknown[]> => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      try {
        const reads: Promise<unknown>[] = [];
        for (let i = 0; i < count; i++) {
          reads.push(sut.get(String(firstId + i), {}, { accessToken: TOKEN }));
          jest.advanceTimersByTime(gapMs);
        }
        jest.advanceTimersByTime(10_000);
        return Promise.all(reads);
      } finally {
        jest.useRealTimers();
      }
    };

    it('with maxWaitMs, keeps a ragged wave in one batch as long as reads keep joining within the window', async () => {
      // Ten reads 15 ms apart: 135 ms from first to last, far more than one 40 ms window.
      await raggedWave(new BatchingGraphReader(client(), { windowMs: 40, maxWaitMs: 2_000 }), 10, 15, 6000);
      expect(server.requests).toHaveLength(1);
      expect(JSON.parse(server.requests[0].form.get('batch')!) as BatchOperation[]).toHaveLength(10);
    });

    it('with maxWaitMs, still sends by then when reads never stop joining; without it, the window is fixed', async () => {
      // A read every 15 ms for 180 ms: each batch leaves 60 ms after its first read, with the four that came by then.
      await raggedWave(new BatchingGraphReader(client(), { windowMs: 40, maxWaitMs: 60 }), 12, 15, 7000);
      expect(server.requests.map((r) => (JSON.parse(r.form.get('batch') ?? '[0]') as unknown[]).length)).toEqual([4, 4, 4]);
      server.requests.length = 0;
      await raggedWave(new BatchingGraphReader(client(), { windowMs: 40 }), 10, 15, 8000);
      expect(server.requests.length).toBeGreaterThan(1);
    });

    it('sends a lone read as a plain GET', async () => {
      const sut = new BatchingGraphReader(client());
      await expect(sut.get('77', {}, { accessToken: TOKEN })).resolves.toEqual({ id: '77', via: 'single' });
      expect(server.requests[0].method).toBe('GET');
    });

    it('rejects every caller when the batch call itself fails', async () => {
      handler = (_req, res) => sendJson(res, 400, { error: { message: 'Error validating access token', code: 190, error_subcode: 463 } });
      const sut = new BatchingGraphReader(client());
      const outcomes = await Promise.allSettled(['1', '2'].map((id) => sut.get(id, {}, { accessToken: TOKEN })));
      expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as MetaGraphError).kind)).toEqual(['auth', 'auth']);
    });
  });
});
