import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { graph } from './support/graph';
import { loginAs } from './support/login';
import { WebhookReceiver } from './support/webhook-receiver';

describe('control surface', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.reset());

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('resets to a seeded scenario whose ad account ids do not depend on the seed', async () => {
    const reset = await control('POST', '/reset', { seed: 'other' });
    expect(reset.body.seed).toBe('other');
    expect(reset.body.adAccounts.map((account: { id: string }) => account.id)).toEqual([
      `act_${DEMO_IDS.adAccounts.autoHome}`,
      `act_${DEMO_IDS.adAccounts.lifeHealth}`,
    ]);
  });

  it('offers an empty scenario and refuses unknown ones with a 400', async () => {
    expect((await control('POST', '/reset', { scenario: 'empty' })).body.pages).toEqual([]);
    const unknown = await control('POST', '/reset', { scenario: 'moon-base' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('moon-base');
  });

  it('creates leads in bulk', async () => {
    const before = (await control('GET', '/world')).body.forms.find((form: { id: string }) => form.id === DEMO_IDS.forms.health).leads;
    const created = await control('POST', '/leads', { formId: DEMO_IDS.forms.health, count: 25 });
    expect(created.status).toBe(201);
    expect(created.body.data).toHaveLength(25);
    const after = (await control('GET', '/world')).body.forms.find((form: { id: string }) => form.id === DEMO_IDS.forms.health).leads;
    expect(after - before).toBe(25);
  });

  it('answers 400 for a lead batch on an unknown form', async () => {
    const created = await control('POST', '/leads', { formId: '42', count: 1 });
    expect(created.status).toBe(400);
  });

  it('injects errors by code on matching paths only', async () => {
    const token = await loginAs(sandbox);
    await control('PUT', '/faults', { errors: [{ code: 2, rate: 1, path: 'adaccounts' }] });
    const failing = await graph(sandbox, 'GET', 'me/adaccounts', { token });
    expect(failing.status).toBe(500);
    expect(failing.body.error).toMatchObject({ code: 2, is_transient: true });
    expect((await graph(sandbox, 'GET', 'me', { token })).status).toBe(200);
    await control('DELETE', '/faults');
    expect((await graph(sandbox, 'GET', 'me/adaccounts', { token })).status).toBe(200);
  });

  it('injects the same failures for the same seed', async () => {
    const pattern = async (): Promise<number[]> => {
      sandbox.control.reset({ seed: 'faults' });
      const token = await loginAs(sandbox);
      sandbox.control.setFaults({ errors: [{ code: 17, rate: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await graph(sandbox, 'GET', 'me', { token })).body.error?.code ?? 0);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(17);
    expect(first).toContain(0);
    expect(await pattern()).toEqual(first);
  });

  it('fails a rule with `times` for that many matching calls only, counting again after the faults are set anew', async () => {
    const token = await loginAs(sandbox);
    const codes = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await graph(sandbox, 'GET', 'me', { token })).body.error?.code ?? 0);
      return out;
    };
    await control('PUT', '/faults', {
      errors: [
        { code: 2, rate: 1, times: 2 },
        { code: 1, rate: 1, times: 1 },
      ],
    });
    expect(await codes(5)).toEqual([2, 2, 1, 0, 0]);
    sandbox.control.setFaults({ errors: [{ code: 2, rate: 1, times: 1 }] });
    expect(await codes(2)).toEqual([2, 0]);
    sandbox.control.clearFaults();
    expect((await control('PUT', '/faults', { errors: [{ code: 2, rate: 1, times: -1 }] })).status).toBe(400);
  });

  it("anchors a fault's path at the end of the call's path when it ends in $", async () => {
    const token = await loginAs(sandbox);
    sandbox.control.setFaults({ errors: [{ code: 2, rate: 1, path: '/me$' }] });
    const code = async (path: string) => (await graph(sandbox, 'GET', path, { token })).body.error?.code ?? 0;
    expect(await code('me')).toBe(2);
    expect(await code('me/accounts')).toBe(0);
    sandbox.control.setFaults({ errors: [{ code: 2, rate: 1, path: 'me' }] });
    expect(await code('me/accounts')).toBe(2);
    sandbox.control.clearFaults();
  });

  it('adds injected latency once per HTTP request: a batch pays it once, not once per operation', async () => {
    const token = await loginAs(sandbox);
    const since = sandbox.control.calls().at(-1)?.seq ?? 0;
    sandbox.control.setFaults({ latencyMs: 25 });
    const batch = await graph(sandbox, 'POST', '', {
      token,
      params: {
        batch: JSON.stringify(Array.from({ length: 5 }, () => ({ method: 'GET', relative_url: 'me?fields=id' }))),
        include_headers: 'false',
      },
    });
    await graph(sandbox, 'GET', 'me', { token, params: { fields: 'id' } });
    sandbox.control.clearFaults();

    expect(batch.body.map((item: { code: number }) => item.code)).toEqual([200, 200, 200, 200, 200]);
    const calls = sandbox.control.calls({ sinceSeq: since });
    const operations = calls.filter((call) => call.inBatch);
    const requests = calls.filter((call) => !call.inBatch);
    expect(operations).toHaveLength(5);
    expect(operations.every((call) => call.latencyMs === 0)).toBe(true);
    expect(requests.map((call) => [call.method, call.path, call.latencyMs])).toEqual([
      ['POST', '/', 25],
      ['GET', '/me', 25],
    ]);
  });

  it('lists and counts calls by path and method, and keeps only an excerpt of huge parameters', async () => {
    const token = await loginAs(sandbox);
    const since = sandbox.control.calls().at(-1)?.seq ?? 0;
    await graph(sandbox, 'GET', 'me', { token, params: { fields: 'id' } });
    await graph(sandbox, 'GET', 'me/accounts', { token, params: { fields: 'id', note: 'n'.repeat(5_000) } });
    await graph(sandbox, 'POST', 'me', { token, params: { name: 'x' } });
    expect((await control('GET', `/calls?since=${since}&path=/me&method=get&count=true`)).body).toEqual({ count: 2 });
    const accounts = (await control('GET', `/calls?since=${since}&path=accounts`)).body.data;
    expect(accounts.map((call: { path: string }) => call.path)).toEqual(['/me/accounts']);
    expect(accounts[0].params.note).toBe(`${'n'.repeat(2_000)}… [5000 characters]`);
    expect(accounts[0].params.access_token).toBe('[redacted]');
  });

  it('answers 400 for a malformed fault configuration and keeps serving Graph calls', async () => {
    expect((await control('PUT', '/faults', { errors: 'all of them' })).status).toBe(400);
    expect((await control('PUT', '/faults', { errors: [{ code: 2, rate: 7 }] })).status).toBe(400);
    const token = await loginAs(sandbox);
    expect((await graph(sandbox, 'GET', 'me', { token })).status).toBe(200);
  });

  it("invalidates a user's tokens with a chosen reason", async () => {
    const token = await loginAs(sandbox);
    await control('POST', '/tokens/invalidate', { userId: DEMO_IDS.userId, reason: 'logged_out' });
    expect((await graph(sandbox, 'GET', 'me', { token })).body.error).toMatchObject({ code: 190, error_subcode: 467 });
  });

  it('answers 400 for an unknown invalidation reason', async () => {
    expect((await control('POST', '/tokens/invalidate', { userId: DEMO_IDS.userId, reason: 'bored' })).status).toBe(400);
  });

  it('logs calls without their secrets', async () => {
    const token = await loginAs(sandbox);
    await graph(sandbox, 'GET', 'me', { token, params: { fields: 'id' } });
    const calls = await control('GET', '/calls');
    const me = calls.body.data.find((call: { path: string }) => call.path === '/me');
    expect(me.params).toEqual({ fields: 'id', access_token: '[redacted]', appsecret_proof: '[redacted]' });
    expect(JSON.stringify(calls.body)).not.toContain(token);
  });

  it('counts HTTP requests, statuses and usage per scope', async () => {
    const token = await loginAs(sandbox);
    await graph(sandbox, 'GET', `act_${DEMO_IDS.adAccounts.autoHome}`, { token });
    await graph(sandbox, 'GET', 'me', { token: 'bad' });
    const counters = (await control('GET', '/counters')).body;
    expect(counters.httpRequests).toBe(3);
    expect(counters.byStatus).toMatchObject({ 200: 2, 400: 1 });
    expect(counters.usage[`acct:${DEMO_IDS.adAccounts.autoHome}`].callCount).toBe(1);
  });

  it('subscribes a callback for demos, after the handshake, and delivers new leads to it', async () => {
    const receiver = await new WebhookReceiver().start();
    try {
      const subscribed = await control('POST', '/webhooks/subscription', { callbackUrl: receiver.url, verifyToken: receiver.verifyToken });
      expect(subscribed.body).toEqual({ success: true });
      await control('POST', '/leads', { formId: DEMO_IDS.forms.life, count: 2 });
      const flushed = await control('POST', '/webhooks/flush');
      expect(flushed.body.data.map((entry: { outcome: string }) => entry.outcome)).toEqual(['delivered']);
      expect(receiver.posts()).toHaveLength(1);
    } finally {
      await receiver.stop();
    }
  });

  it('moves the clock forward', async () => {
    const before = (await control('GET', '/')).body.now;
    const after = (await control('POST', '/clock/advance', { seconds: 86_400 })).body.now;
    expect(Date.parse(after.replace('+0000', 'Z')) - Date.parse(before.replace('+0000', 'Z'))).toBeGreaterThanOrEqual(86_400_000);
  });
});

describe('demo mode', () => {
  it('creates a lead every N seconds and delivers its webhook', async () => {
    const receiver = await new WebhookReceiver().start();
    const sandbox = await startTestSandbox({ demoLeadIntervalSeconds: 0.05 });
    try {
      await sandbox.control.subscribeWebhook({ callbackUrl: receiver.url, verifyToken: receiver.verifyToken });
      await receiver.waitForPosts(2);
      const ids = receiver
        .posts()
        .flatMap((post) =>
          JSON.parse(post.raw.toString()).entry.flatMap((e: { changes: { value: { leadgen_id: string } }[] }) =>
            e.changes.map((c) => c.value.leadgen_id),
          ),
        );
      expect(new Set(ids).size).toBeGreaterThanOrEqual(2);
    } finally {
      await sandbox.close();
      await receiver.stop();
    }
  });
});
