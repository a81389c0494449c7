import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { graph } from './support/graph';
import { loginAs, pageToken } from './support/login';

const account = `act_${DEMO_IDS.adAccounts.autoHome}`;

/** One sandbox for both blocks: each test starts from a reset world and a fresh login. */
let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.control.reset();
  token = await loginAs(sandbox);
});

describe('usage headers and throttling', () => {
  it('reports app usage in X-App-Usage as whole percents of the hourly budget', async () => {
    sandbox.control.setUsageBudgets({ appCallsPerHour: 10 });
    await graph(sandbox, 'GET', 'me', { token });
    const me = await graph(sandbox, 'GET', 'me', { token });
    expect(JSON.parse(me.headers.get('x-app-usage')!)).toEqual({
      call_count: 20,
      total_time: expect.any(Number),
      total_cputime: expect.any(Number),
    });
  });

  it('throttles the app with code 4 once its budget is used, and keeps counting refused calls', async () => {
    sandbox.control.setUsageBudgets({ appCallsPerHour: 3 });
    for (let i = 0; i < 3; i++) expect((await graph(sandbox, 'GET', 'me', { token })).status).toBe(200);
    const refused = await graph(sandbox, 'GET', 'me', { token });
    expect(refused.body.error).toMatchObject({ code: 4, is_transient: true });
    await graph(sandbox, 'GET', 'me', { token });
    expect(sandbox.control.counters().usage[`app:${sandbox.appId}`].callCount).toBe(5);
  });

  it('throttles an ad account with 80004 and names it in X-Business-Use-Case-Usage', async () => {
    sandbox.control.setUsageBudgets({ buc: { ads_management: 4 } as never, headerWarmupCalls: 0 });
    for (let i = 0; i < 4; i++) await graph(sandbox, 'GET', account, { token, params: { fields: 'name' } });
    const refused = await graph(sandbox, 'GET', account, { token, params: { fields: 'name' } });
    expect(refused.body.error).toMatchObject({ code: 80004, error_subcode: 2446079 });
    const buc = JSON.parse(refused.headers.get('x-business-use-case-usage')!);
    expect(buc[DEMO_IDS.adAccounts.autoHome][0]).toMatchObject({
      type: 'ads_management',
      call_count: 125,
      ads_api_access_tier: 'development_access',
    });
    expect(buc[DEMO_IDS.adAccounts.autoHome][0].estimated_time_to_regain_access).toBeGreaterThan(0);
  });

  it('names a throttled scope in the headers from its first call, before the warm-up', async () => {
    sandbox.control.throttle('ads_management', DEMO_IDS.adAccounts.autoHome);
    const refused = await graph(sandbox, 'GET', account, { token });
    const buc = JSON.parse(refused.headers.get('x-business-use-case-usage')!);
    expect(buc[DEMO_IDS.adAccounts.autoHome][0]).toMatchObject({ type: 'ads_management', estimated_time_to_regain_access: 5 });
  });

  it('throttles a user with #17, subcode 2446079 on Marketing API calls, until released', async () => {
    sandbox.control.throttle('user', DEMO_IDS.userId);
    expect((await graph(sandbox, 'GET', 'me', { token })).body.error).toEqual(
      expect.objectContaining({ code: 17, message: '(#17) User request limit reached' }),
    );
    expect((await graph(sandbox, 'GET', 'me', { token })).body.error.error_subcode).toBeUndefined();
    expect((await graph(sandbox, 'GET', account, { token })).body.error).toMatchObject({
      code: 17,
      error_subcode: 2446079,
      is_transient: true,
    });
    sandbox.control.throttle('user', DEMO_IDS.userId, false);
    expect((await graph(sandbox, 'GET', account, { token })).status).toBe(200);
  });

  it('keeps ad accounts apart: throttling one leaves the other usable', async () => {
    sandbox.control.throttle('ads_management', DEMO_IDS.adAccounts.autoHome);
    expect((await graph(sandbox, 'GET', account, { token })).body.error.code).toBe(80004);
    expect((await graph(sandbox, 'GET', `act_${DEMO_IDS.adAccounts.lifeHealth}`, { token })).status).toBe(200);
  });

  it('reports X-Ad-Account-Usage for ad account calls after a few calls', async () => {
    const first = await graph(sandbox, 'GET', account, { token });
    expect(first.headers.get('x-ad-account-usage')).toBeNull();
    await graph(sandbox, 'GET', account, { token });
    const third = await graph(sandbox, 'GET', account, { token });
    expect(JSON.parse(third.headers.get('x-ad-account-usage')!)).toMatchObject({
      acc_id_util_pct: 0,
      ads_api_access_tier: 'development_access',
    });
  });

  it('answers 613 when the ad account budget is exhausted', async () => {
    sandbox.control.setUsageBudgets({ adAccountCallsPerHour: 2 });
    await graph(sandbox, 'GET', account, { token });
    await graph(sandbox, 'GET', account, { token });
    expect((await graph(sandbox, 'GET', account, { token })).body.error).toMatchObject({ code: 613, error_subcode: 1487742 });
  });

  it('throttles lead retrieval per Page with 80005', async () => {
    const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
    sandbox.control.throttle('leadgen', DEMO_IDS.pages.main);
    const leads = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: page });
    expect(leads.body.error).toMatchObject({ code: 80005 });
  });

  it('frees a budget as calls leave the rolling window', async () => {
    sandbox.control.setUsageBudgets({ appCallsPerHour: 1 });
    await graph(sandbox, 'GET', 'me', { token });
    expect((await graph(sandbox, 'GET', 'me', { token })).body.error.code).toBe(4);
    sandbox.control.advanceClock(61 * 60_000);
    const fresh = await loginAs(sandbox); // the short-lived token may not outlive the jump
    sandbox.control.setUsageBudgets({ appCallsPerHour: 10 });
    expect((await graph(sandbox, 'GET', 'me', { token: fresh })).status).toBe(200);
  });
});

describe('batch requests', () => {
  const batch = (operations: unknown[], extra: Record<string, string> = {}) =>
    graph(sandbox, 'POST', '', { token, params: { batch: JSON.stringify(operations), ...extra } });

  it('refuses more than 50 operations', async () => {
    const result = await batch(Array.from({ length: 51 }, () => ({ method: 'GET', relative_url: 'me' })));
    expect(result.body.error).toMatchObject({ code: 100, message: '(#100) Too many requests in batch message. Maximum batch size is 50' });
  });

  it('answers per-operation errors inside a 200', async () => {
    const result = await batch([
      { method: 'GET', relative_url: 'me' },
      { method: 'GET', relative_url: 'me?fields=nope' },
    ]);
    expect(result.status).toBe(200);
    expect(result.body[0].code).toBe(200);
    expect(result.body[1].code).toBe(400);
    expect(JSON.parse(result.body[1].body).error.code).toBe(100);
  });

  it('includes headers per operation unless include_headers=false', async () => {
    const withHeaders = await batch([{ method: 'GET', relative_url: 'me' }]);
    expect(withHeaders.body[0].headers).toContainEqual({ name: 'Content-Type', value: 'application/json; charset=UTF-8' });
    const without = await batch([{ method: 'GET', relative_url: 'me' }], { include_headers: 'false' });
    expect(without.body[0].headers).toBeUndefined();
  });

  it('resolves {result=name:$.path} references and omits the named response', async () => {
    const result = await batch([
      { method: 'GET', relative_url: 'me/adaccounts?fields=id', name: 'accounts' },
      { method: 'GET', relative_url: '?ids={result=accounts:$.data.*.id}&fields=name', depends_on: 'accounts' },
    ]);
    expect(result.body[0]).toBeNull();
    expect(Object.keys(JSON.parse(result.body[1].body))).toEqual([
      `act_${DEMO_IDS.adAccounts.autoHome}`,
      `act_${DEMO_IDS.adAccounts.lifeHealth}`,
    ]);
  });

  it('counts every operation as a call', async () => {
    const before = sandbox.control.counters().usage[`app:${sandbox.appId}`]?.callCount ?? 0;
    await batch([
      { method: 'GET', relative_url: 'me' },
      { method: 'GET', relative_url: 'me' },
      { method: 'GET', relative_url: 'me' },
    ]);
    expect(sandbox.control.counters().usage[`app:${sandbox.appId}`].callCount - before).toBe(3);
    expect(sandbox.control.calls().filter((call) => call.inBatch)).toHaveLength(3);
  });

  it('runs POST operations with a form body', async () => {
    const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
    const result = await graph(sandbox, 'POST', '', {
      token: page,
      params: {
        batch: JSON.stringify([
          { method: 'POST', relative_url: `${DEMO_IDS.pages.main}/subscribed_apps`, body: 'subscribed_fields=leadgen' },
        ]),
      },
    });
    expect(JSON.parse(result.body[0].body)).toEqual({ success: true });
  });

  it('answers null for operations that timed out (fault injection)', async () => {
    sandbox.control.setFaults({ batchNullRate: 1 });
    const result = await batch([{ method: 'GET', relative_url: 'me' }]);
    expect(result.body).toEqual([null]);
  });
});
