import { createHmac } from 'node:crypto';
import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { loginAs, pageToken } from './support/login';
import { WebhookReceiver } from './support/webhook-receiver';
import { controlCall } from './support/control';

describe('webhook subscriptions and delivery', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  let page: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    receiver = await new WebhookReceiver().start();
    page = await pageToken(sandbox, await loginAs(sandbox), DEMO_IDS.pages.main);
  });
  afterEach(() => receiver.stop());

  const subscribeApp = (params: Record<string, string> = {}) =>
    graph(sandbox, 'POST', `${sandbox.appId}/subscriptions`, {
      token: appToken(sandbox),
      params: { object: 'page', callback_url: receiver.url, fields: 'leadgen', verify_token: receiver.verifyToken, ...params },
    });

  /** App subscription plus the app installed on the main Page: what must hold for leads to be delivered. */
  async function subscribeAll(): Promise<void> {
    expect((await subscribeApp()).body).toEqual({ success: true });
    expect(
      (await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page, params: { subscribed_fields: 'leadgen' } }))
        .body,
    ).toEqual({ success: true });
  }

  describe('app subscriptions', () => {
    it('runs the verification handshake before storing the subscription', async () => {
      await subscribeApp();
      const handshake = receiver.requests[0];
      expect(handshake.method).toBe('GET');
      expect(handshake.url.searchParams.get('hub.mode')).toBe('subscribe');
      expect(handshake.url.searchParams.get('hub.verify_token')).toBe(receiver.verifyToken);
      expect(handshake.url.searchParams.get('hub.challenge')).toMatch(/^\d+$/);
      const listed = await graph(sandbox, 'GET', `${sandbox.appId}/subscriptions`, { token: appToken(sandbox) });
      expect(listed.body.data).toEqual([
        { object: 'page', callback_url: receiver.url, active: true, fields: [{ name: 'leadgen', version: 'v25.0' }] },
      ]);
    });

    it('fails with 2201 and stores nothing when the callback echoes something else', async () => {
      receiver.challengeAnswer = () => ({ status: 200, body: 'not-the-challenge' });
      const result = await subscribeApp();
      expect(result.body.error).toMatchObject({ code: 2201 });
      const listed = await graph(sandbox, 'GET', `${sandbox.appId}/subscriptions`, { token: appToken(sandbox) });
      expect(listed.body.data).toEqual([]);
    });

    it('fails with 2200 when the callback refuses the verify token', async () => {
      const result = await subscribeApp({ verify_token: 'wrong' });
      expect(result.body.error).toMatchObject({ code: 2200, message: '(#2200) callback verification failed: Received HTTP code: 403' });
    });

    it('needs an app token', async () => {
      const user = await loginAs(sandbox);
      const result = await graph(sandbox, 'GET', `${sandbox.appId}/subscriptions`, { token: user });
      expect(result.body.error).toMatchObject({ code: 15 });
    });

    it('removes the subscription with DELETE', async () => {
      await subscribeApp();
      await graph(sandbox, 'DELETE', `${sandbox.appId}/subscriptions`, { token: appToken(sandbox), params: { object: 'page' } });
      const listed = await graph(sandbox, 'GET', `${sandbox.appId}/subscriptions`, { token: appToken(sandbox) });
      expect(listed.body.data).toEqual([]);
    });
  });

  describe('page subscribed_apps', () => {
    it('needs a Page token', async () => {
      const user = await loginAs(sandbox);
      const result = await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, {
        token: user,
        params: { subscribed_fields: 'leadgen' },
      });
      expect(result.body.error.code).toBe(190);
    });

    it('needs pages_manage_metadata', async () => {
      const narrow = await loginAs(sandbox, ['pages_show_list', 'leads_retrieval']);
      const narrowPage = await pageToken(sandbox, narrow, DEMO_IDS.pages.main);
      const result = await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, {
        token: narrowPage,
        params: { subscribed_fields: 'leadgen' },
      });
      expect(result.body.error).toMatchObject({ code: 200 });
    });

    it('lists, then forgets the app after DELETE', async () => {
      await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page, params: { subscribed_fields: 'leadgen' } });
      expect((await graph(sandbox, 'GET', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page })).body.data).toHaveLength(1);
      await graph(sandbox, 'DELETE', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page });
      expect((await graph(sandbox, 'GET', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page })).body.data).toEqual([]);
    });
  });

  describe('delivery', () => {
    it('signs each POST with X-Hub-Signature-256 over the exact bytes sent', async () => {
      await subscribeAll();
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      await receiver.waitForPosts(1);
      const post = receiver.posts()[0];
      const expected = `sha256=${createHmac('sha256', sandbox.appSecret).update(post.raw).digest('hex')}`;
      expect(post.headers['x-hub-signature-256']).toBe(expected);
      expect(post.headers['content-type']).toBe('application/json');
    });

    it('sends ids only, as a page/leadgen change, without ad ids for organic leads', async () => {
      await subscribeAll();
      const [lead] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, organic: true });
      await receiver.waitForPosts(1);
      const payload = JSON.parse(receiver.posts()[0].raw.toString('utf8'));
      expect(payload).toEqual({
        object: 'page',
        entry: [
          {
            id: DEMO_IDS.pages.main,
            time: expect.any(Number),
            changes: [
              {
                field: 'leadgen',
                value: {
                  form_id: DEMO_IDS.forms.auto,
                  leadgen_id: lead.id,
                  created_time: expect.any(Number),
                  page_id: DEMO_IDS.pages.main,
                },
              },
            ],
          },
        ],
      });
    });

    it('batches several new leads into one POST with several changes', async () => {
      await subscribeAll();
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.home, count: 3 });
      await sandbox.control.flushWebhooks();
      const posts = receiver.posts();
      expect(posts).toHaveLength(1);
      expect(JSON.parse(posts[0].raw.toString('utf8')).entry[0].changes).toHaveLength(3);
    });

    it('delivers nothing for a Page that did not install the app', async () => {
      expect((await subscribeApp()).body).toEqual({ success: true });
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      await sandbox.control.flushWebhooks();
      expect(receiver.posts()).toEqual([]);
    });

    it('retries after a non-2xx answer until the receiver accepts', async () => {
      await subscribeAll();
      receiver.statuses = [500, 503];
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      const log = await sandbox.control.flushWebhooks();
      expect(log.map((entry) => entry.outcome)).toEqual(['failed', 'failed', 'delivered']);
      expect(receiver.posts()).toHaveLength(3);
      expect(new Set(receiver.posts().map((post) => post.raw.toString()))).toEqual(new Set([receiver.posts()[0].raw.toString()]));
    });

    it('spreads retries over 36 hours at a decreasing rate, then drops the update', async () => {
      await subscribeAll();
      receiver.statuses = Array.from({ length: 20 }, () => 500);
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      const log = await sandbox.control.flushWebhooks();
      const attempts = log.filter((entry) => entry.outcome === 'failed').map((entry) => entry.scheduleOffsetMs);
      expect(attempts[attempts.length - 1]).toBe(36 * 3_600_000);
      const gaps = attempts.slice(1).map((offset, i) => offset - attempts[i]);
      expect([...gaps].sort((a, b) => a - b)).toEqual(gaps);
      expect(log[log.length - 1].outcome).toBe('expired');
    });

    it('treats a slow answer as a failure and retries', async () => {
      const slow = await startTestSandbox({ webhooks: { timeoutMs: 50 } });
      try {
        const slowPage = await pageToken(slow, await loginAs(slow), DEMO_IDS.pages.main);
        await graph(slow, 'POST', `${slow.appId}/subscriptions`, {
          token: appToken(slow),
          params: { object: 'page', callback_url: receiver.url, fields: 'leadgen', verify_token: receiver.verifyToken },
        });
        await graph(slow, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: slowPage, params: { subscribed_fields: 'leadgen' } });
        receiver.delays = [300];
        slow.control.createLeads({ formId: DEMO_IDS.forms.auto });
        const log = await slow.control.flushWebhooks();
        expect(log[0]).toMatchObject({ outcome: 'failed', error: 'timeout' });
        expect(log.some((entry) => entry.outcome === 'delivered')).toBe(true);
      } finally {
        await slow.close();
      }
    });

    it('sends duplicates at the configured rate', async () => {
      await subscribeAll();
      sandbox.control.setWebhooks({ duplicateRate: 1 });
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      const log = await sandbox.control.flushWebhooks();
      expect(log.map((entry) => entry.outcome)).toEqual(['delivered', 'duplicate']);
      expect(receiver.posts()).toHaveLength(2);
      expect(receiver.posts()[1].raw.equals(receiver.posts()[0].raw)).toBe(true);
    });

    it('drops deliveries when told to', async () => {
      await subscribeAll();
      sandbox.control.setFaults({ webhooks: { dropRate: 1 } });
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      const log = await sandbox.control.flushWebhooks();
      expect(log.map((entry) => entry.outcome)).toEqual(['dropped']);
      expect(receiver.posts()).toEqual([]);
    });

    describe('a callback URL set at Meta by another deployment', () => {
      let other: WebhookReceiver;

      beforeEach(async () => {
        other = await new WebhookReceiver().start();
      });
      afterEach(() => other.stop());

      it('shows in GET /{app-id}/subscriptions and takes the notifications', async () => {
        await subscribeAll();
        const changed = await controlCall(sandbox, 'PUT', '/webhooks/callback-url', { callbackUrl: other.url });
        expect(changed.body).toEqual({ success: true });
        const listed = await graph(sandbox, 'GET', `${sandbox.appId}/subscriptions`, { token: appToken(sandbox) });
        expect(listed.body.data[0]).toMatchObject({ object: 'page', callback_url: other.url, active: true });
        sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
        await sandbox.control.flushWebhooks();
        expect(other.posts()).toHaveLength(1);
        expect(receiver.posts()).toEqual([]);
        // No handshake reached either URL: the other deployment had subscribed long before.
        expect(other.requests.filter((request) => request.method === 'GET')).toEqual([]);
      });

      it('needs an existing page subscription and an http(s) URL', async () => {
        const unsubscribed = await controlCall(sandbox, 'PUT', '/webhooks/callback-url', { callbackUrl: other.url });
        expect(unsubscribed).toEqual({
          status: 400,
          body: { error: { message: 'The app has no page subscription to change; subscribe first' } },
        });
        await subscribeAll();
        const ftp = await controlCall(sandbox, 'PUT', '/webhooks/callback-url', { callbackUrl: 'ftp://example.com/hook' });
        expect(ftp).toEqual({ status: 400, body: { error: { message: 'callbackUrl must be an http(s) URL' } } });
      });
    });

    it('delivers nothing when webhook delivery is switched off', async () => {
      await subscribeAll();
      sandbox.control.setWebhooks({ enabled: false });
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      await sandbox.control.flushWebhooks();
      expect(receiver.posts()).toEqual([]);
    });
  });
});
