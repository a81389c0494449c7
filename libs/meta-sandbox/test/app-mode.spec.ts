import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { ALL_SCOPES, dialogUrl, loginAs, pageToken } from './support/login';
import { controlCall } from './support/control';
import { WebhookReceiver } from './support/webhook-receiver';

/** Going live: an app in development mode, app roles, and permissions that only have Standard Access. */
describe('app mode, roles and access levels', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.control.reset());

  describe('app roles', () => {
    it('lists who has a role on the app at /{app-id}/roles, with an app token only', async () => {
      sandbox.control.setup.setRole(DEMO_IDS.userId, 'testers');
      const roles = await graph(sandbox, 'GET', `${sandbox.appId}/roles`, { token: appToken(sandbox) });
      expect(roles.body.data).toEqual([
        { app_id: sandbox.appId, user: DEMO_IDS.appDeveloperId, role: 'administrators' },
        { app_id: sandbox.appId, user: DEMO_IDS.userId, role: 'testers' },
      ]);
      const asUser = await graph(sandbox, 'GET', `${sandbox.appId}/roles`, { token: await loginAs(sandbox) });
      expect(asUser.body.error).toMatchObject({ code: 15 });
    });

    it('has no Graph field for the app mode', async () => {
      const app = await graph(sandbox, 'GET', sandbox.appId, { token: appToken(sandbox), params: { fields: 'id,is_in_dev_mode' } });
      expect(app.body.error).toMatchObject({
        code: 100,
        message: '(#100) Tried accessing nonexisting field (is_in_dev_mode) on node type (Application)',
      });
    });

    it('changes mode, roles and access levels through /__sandbox/app and refuses nonsense with a 400', async () => {
      const changed = await controlCall(sandbox, 'PUT', '/app', { mode: 'development', permissionAccess: { leads_retrieval: 'standard' } });
      expect(changed.body).toMatchObject({ mode: 'development', permissionAccess: { leads_retrieval: 'standard' } });
      const role = await controlCall(sandbox, 'PUT', `/app/roles/${DEMO_IDS.userId}`, { role: 'developers' });
      expect(role.body.roles).toContainEqual({ userId: DEMO_IDS.userId, role: 'developers' });
      expect((await controlCall(sandbox, 'DELETE', `/app/roles/${DEMO_IDS.userId}`)).body.roles).toHaveLength(1);
      expect((await controlCall(sandbox, 'PUT', '/app', { mode: 'staging' })).status).toBe(400);
      expect((await controlCall(sandbox, 'PUT', '/app', { permissionAccess: { read_minds: 'standard' } })).status).toBe(400);
      expect((await controlCall(sandbox, 'PUT', '/app', { permissionAccess: { ads_read: 'full' } })).status).toBe(400);
      expect((await controlCall(sandbox, 'PUT', '/app/roles/42', { role: 'testers' })).status).toBe(400);
      expect((await controlCall(sandbox, 'PUT', `/app/roles/${DEMO_IDS.userId}`, { role: 'owner' })).status).toBe(400);
      expect((await controlCall(sandbox, 'DELETE', `/app/roles/${DEMO_IDS.userId}`)).status).toBe(400);
    });
  });

  describe('development mode', () => {
    let receiver: WebhookReceiver;

    beforeEach(async () => {
      receiver = await new WebhookReceiver().start();
    });
    afterEach(() => receiver.stop());

    /** The app subscribed and installed on the main Page by Dana, who then has to have a role to log in. */
    async function subscribedAsTester(): Promise<string> {
      sandbox.control.setup.setRole(DEMO_IDS.userId, 'testers');
      sandbox.control.setup.setMode('development');
      const user = await loginAs(sandbox);
      await graph(sandbox, 'POST', `${sandbox.appId}/subscriptions`, {
        token: appToken(sandbox),
        params: { object: 'page', callback_url: receiver.url, fields: 'leadgen', verify_token: receiver.verifyToken },
      });
      const page = await pageToken(sandbox, user, DEMO_IDS.pages.main);
      await graph(sandbox, 'POST', `${DEMO_IDS.pages.main}/subscribed_apps`, { token: page, params: { subscribed_fields: 'leadgen' } });
      return page;
    }

    it('keeps people without a role on the app out of the login dialog', async () => {
      sandbox.control.setup.setMode('development');
      const blocked = await fetch(dialogUrl(sandbox, ALL_SCOPES), { redirect: 'manual' });
      expect(blocked.status).toBe(400);
      expect(await blocked.text()).toContain('App not active');
      sandbox.control.setup.setRole(DEMO_IDS.userId, 'testers');
      expect((await fetch(dialogUrl(sandbox, ALL_SCOPES))).status).toBe(200);
    });

    it('notifies only the leads of people with a role on the app', async () => {
      await subscribedAsTester();
      const [stranger] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
      const [tester] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, submittedBy: DEMO_IDS.appDeveloperId });
      const deliveries = await sandbox.control.flushWebhooks();
      expect(deliveries.flatMap((entry) => entry.leadgenIds)).toEqual([tester.id]);
      expect(deliveries.flatMap((entry) => entry.leadgenIds)).not.toContain(stranger.id);
      expect(receiver.posts()).toHaveLength(1);
    });

    it('hides the leads of everyone else from reads and lists, while the form still counts them', async () => {
      const page = await subscribedAsTester();
      const countBefore = (await graph(sandbox, 'GET', DEMO_IDS.forms.home, { token: page, params: { fields: 'leads_count' } })).body
        .leads_count;
      const [stranger] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.home });
      const [tester] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.home, submittedBy: DEMO_IDS.appDeveloperId });
      expect((await graph(sandbox, 'GET', stranger.id, { token: page })).body.error).toMatchObject({ code: 100, error_subcode: 33 });
      expect((await graph(sandbox, 'GET', tester.id, { token: page, params: { fields: 'id' } })).body).toEqual({ id: tester.id });
      const listed = await graph(sandbox, 'GET', `${DEMO_IDS.forms.home}/leads`, { token: page, params: { fields: 'id', limit: '500' } });
      expect(listed.body.data).toEqual([{ id: tester.id }]);
      const form = await graph(sandbox, 'GET', DEMO_IDS.forms.home, { token: page, params: { fields: 'leads_count' } });
      expect(form.body.leads_count).toBe(countBefore + 2);
    });

    it('keeps test leads readable', async () => {
      const page = await subscribedAsTester();
      const created = await graph(sandbox, 'POST', `${DEMO_IDS.forms.life}/test_leads`, { token: page });
      expect((await graph(sandbox, 'GET', created.body.id, { token: page, params: { fields: 'id' } })).status).toBe(200);
    });

    it('serves every lead again once the app is live', async () => {
      const page = await subscribedAsTester();
      const [stranger] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.home });
      sandbox.control.setup.setMode('live');
      expect((await graph(sandbox, 'GET', stranger.id, { token: page, params: { fields: 'id' } })).body).toEqual({ id: stranger.id });
    });

    it('refuses leads said to come from someone the sandbox does not know', async () => {
      const created = await controlCall(sandbox, 'POST', '/leads', { formId: DEMO_IDS.forms.auto, submittedBy: '42' });
      expect(created.status).toBe(400);
    });
  });

  describe('Standard Access', () => {
    it('leaves a Standard Access permission out of a login by someone without a role: neither granted nor declined', async () => {
      sandbox.control.setup.setPermissionAccess({ leads_retrieval: 'standard' });
      const token = await loginAs(sandbox);
      const permissions = await graph(sandbox, 'GET', 'me/permissions', { token });
      expect(permissions.body.data.map((row: { permission: string }) => row.permission)).not.toContain('leads_retrieval');
      expect(permissions.body.data).toContainEqual({ permission: 'pages_manage_metadata', status: 'granted' });
      const info = await graph(sandbox, 'GET', 'debug_token', { token: appToken(sandbox), params: { input_token: token } });
      expect(info.body.data.scopes).not.toContain('leads_retrieval');
      const page = await pageToken(sandbox, token, DEMO_IDS.pages.main);
      const leads = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: page });
      expect(leads.body.error).toMatchObject({ code: 200, message: '(#200) Requires leads_retrieval permission to access this object' });
    });

    it('grants a Standard Access permission to people with a role on the app', async () => {
      sandbox.control.setup.setPermissionAccess({ leads_retrieval: 'standard' });
      sandbox.control.setup.setRole(DEMO_IDS.userId, 'testers');
      const token = await loginAs(sandbox);
      const permissions = await graph(sandbox, 'GET', 'me/permissions', { token });
      expect(permissions.body.data).toContainEqual({ permission: 'leads_retrieval', status: 'granted' });
    });
  });
});
