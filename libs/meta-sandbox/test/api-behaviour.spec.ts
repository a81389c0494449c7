import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appsecretProof, graph } from './support/graph';
import { loginAs, pageToken } from './support/login';

describe('Graph API behaviour', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    // Clock pinned inside v24.0's Marketing API grace period being over (it ended 2026-11-10).
    sandbox = await startTestSandbox({ clockStart: '2026-11-29T09:00:00Z' });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox);
  });

  describe('versions', () => {
    it('echoes the answering version in facebook-api-version', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, version: 'v25.0' });
      expect(me.headers.get('facebook-api-version')).toBe('v25.0');
    });

    it('rejects a Marketing API version past its date with 2635', async () => {
      const accounts = await graph(sandbox, 'GET', 'me/adaccounts', { token, version: 'v22.0' });
      expect(accounts.body.error).toMatchObject({ code: 2635, type: 'OAuthException' });
      expect(accounts.body.error.message).toContain('v27.0');
    });

    it('auto-upgrades an expired version on unchanged lead endpoints and says so in X-Ad-Api-Version-Warning', async () => {
      const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
      const forms = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: page, version: 'v24.0', params: { limit: '1' } });
      expect(forms.status).toBe(200);
      expect(forms.headers.get('facebook-api-version')).toBe('v25.0');
      expect(forms.headers.get('x-ad-api-version-warning')).toContain('v24.0');
    });

    it('answers an unversioned path with the oldest available Graph version', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, version: null });
      expect(me.headers.get('facebook-api-version')).toBe('v21.0');
    });

    it('treats a version Meta never shipped as an unknown object', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, version: 'v99.0' });
      expect(me.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    });

    it('retires versions as the sandbox clock moves', async () => {
      sandbox.control.advanceClock(90 * 86_400_000); // past 2027-02-23, v25.0's Marketing API date
      const fresh = await loginAs(sandbox);
      const accounts = await graph(sandbox, 'GET', 'me/adaccounts', { token: fresh, version: 'v25.0' });
      expect(accounts.body.error).toMatchObject({ code: 2635 });
    });
  });

  describe('appsecret_proof', () => {
    it('is required for user tokens', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, proof: false });
      expect(me.body.error).toMatchObject({ code: 100, message: 'API calls from the server require an appsecret_proof argument' });
    });

    it('must be the HMAC of the token', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, proof: false, params: { appsecret_proof: appsecretProof('wrong', token) } });
      expect(me.body.error).toMatchObject({ code: 100, message: 'Invalid appsecret_proof provided in the API argument' });
    });

    it('accepts the time-stamped form', async () => {
      const time = Math.floor(Date.parse('2026-11-29T09:00:00Z') / 1000);
      const proof = appsecretProof(sandbox.appSecret, token, time);
      const me = await graph(sandbox, 'GET', 'me', {
        token,
        proof: false,
        params: { appsecret_proof: proof, appsecret_time: String(time) },
      });
      expect(me.body.id).toBe(DEMO_IDS.userId);
    });

    it('refuses a time-stamped proof older than 5 minutes', async () => {
      const time = Math.floor(Date.parse('2026-11-29T08:50:00Z') / 1000);
      const proof = appsecretProof(sandbox.appSecret, token, time);
      const me = await graph(sandbox, 'GET', 'me', {
        token,
        proof: false,
        params: { appsecret_proof: proof, appsecret_time: String(time) },
      });
      expect(me.body.error).toMatchObject({ code: 100 });
    });

    it('is not needed when the app does not require it', async () => {
      sandbox.control.setApp({ requireAppsecretProof: false });
      const me = await graph(sandbox, 'GET', 'me', { token, proof: false });
      expect(me.body.id).toBe(DEMO_IDS.userId);
    });
  });

  describe('errors', () => {
    it("uses Meta's envelope with an fbtrace_id", async () => {
      const me = await graph(sandbox, 'GET', 'me', { token: 'EAAGnotatoken' });
      expect(me.status).toBe(400);
      expect(me.body).toEqual({
        error: {
          message: 'Invalid OAuth access token - Cannot parse access token',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: expect.any(String),
        },
      });
    });

    it('answers 190/463 once a token has expired', async () => {
      sandbox.control.advanceClock(3 * 3_600_000);
      expect((await graph(sandbox, 'GET', 'me', { token })).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    });

    it('answers 200 when a permission is missing', async () => {
      const narrow = await loginAs(sandbox, ['email']);
      const pages = await graph(sandbox, 'GET', 'me/accounts', { token: narrow });
      expect(pages.body.error).toMatchObject({ code: 200 });
    });

    it('names the node type of a nonexisting field', async () => {
      const me = await graph(sandbox, 'GET', 'me', { token, params: { fields: 'id,favourite_colour' } });
      expect(me.body.error.message).toBe('(#100) Tried accessing nonexisting field (favourite_colour) on node type (User)');
    });

    it('treats objects the token may not see like missing ones (100/33)', async () => {
      const narrow = await loginAs(sandbox, ['pages_show_list'], { pages: [DEMO_IDS.pages.main] });
      const page = await graph(sandbox, 'GET', DEMO_IDS.pages.spanish, { token: narrow });
      expect(page.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    });

    it('accepts the token in an Authorization header', async () => {
      const response = await fetch(`${sandbox.url}/v25.0/me?appsecret_proof=${appsecretProof(sandbox.appSecret, token)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await response.json()) as { id: string }).id).toBe(DEMO_IDS.userId);
    });

    it('escapes non-ASCII characters and slashes in JSON as Meta does', async () => {
      const page = await pageToken(sandbox, token, DEMO_IDS.pages.japanese);
      const response = await fetch(
        `${sandbox.url}/v25.0/me?fields=name,link&access_token=${page}&appsecret_proof=${appsecretProof(sandbox.appSecret, page)}`,
      );
      const raw = await response.text();
      expect(raw).toContain('\\u30cf');
      expect(raw).toContain('https:\\/\\/www.facebook.com');
      expect(JSON.parse(raw).name).toBe('ハーバーポイント保険');
    });

    it('answers an unparseable JSON body with a 400 in the envelope', async () => {
      const response = await fetch(`${sandbox.url}/v25.0/me`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{oops',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: number } }).error.code).toBe(100);
    });
  });

  describe('fields and paging', () => {
    it('expands nested edges with .limit() and nested fields', async () => {
      const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
      const result = await graph(sandbox, 'GET', DEMO_IDS.pages.main, {
        token: page,
        params: { fields: 'name,leadgen_forms.limit(2){name,page{name}}' },
      });
      expect(result.body.name).toBe('Harbor Point Insurance');
      expect(result.body.leadgen_forms.data).toHaveLength(2);
      expect(result.body.leadgen_forms.data[0].page).toEqual({ id: DEMO_IDS.pages.main, name: 'Harbor Point Insurance' });
      expect(result.body.leadgen_forms.paging.cursors.after).toEqual(expect.any(String));
    });

    it('pages with cursors and an absolute next URL until next disappears', async () => {
      const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
      const first = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: page, params: { fields: 'id', limit: '10' } });
      const seen: string[] = first.body.data.map((lead: { id: string }) => lead.id);
      let next: string | undefined = first.body.paging.next;
      expect(next!.startsWith(`${sandbox.url}/v25.0/`)).toBe(true);
      let last = first.body;
      while (next) {
        last = await (await fetch(next)).json();
        seen.push(...last.data.map((lead: { id: string }) => lead.id));
        next = last.paging?.next;
      }
      const total = sandbox.control.world().forms.find((form) => form.id === DEMO_IDS.forms.auto)!.leads;
      expect(new Set(seen).size).toBe(total);
      expect(last.paging.cursors.after).toEqual(expect.any(String));
    });

    it('gets several objects at once with ?ids=', async () => {
      const result = await graph(sandbox, 'GET', '', {
        token,
        params: { ids: `act_${DEMO_IDS.adAccounts.autoHome},act_${DEMO_IDS.adAccounts.lifeHealth}`, fields: 'name' },
      });
      expect(Object.keys(result.body)).toEqual([`act_${DEMO_IDS.adAccounts.autoHome}`, `act_${DEMO_IDS.adAccounts.lifeHealth}`]);
    });

    it('fails ?ids= with 803 when one id does not exist', async () => {
      const result = await graph(sandbox, 'GET', '', {
        token,
        params: { ids: `act_${DEMO_IDS.adAccounts.autoHome},424242`, fields: 'name' },
      });
      expect(result.body.error).toMatchObject({ code: 803 });
    });
  });
});
