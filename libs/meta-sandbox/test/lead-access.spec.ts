import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { appToken, graph } from './support/graph';
import { loginAs, pageToken } from './support/login';
import { controlCall } from './support/control';
import { WebhookReceiver } from './support/webhook-receiver';

const PAGE = DEMO_IDS.pages.main;
const LEAD_ACCESS_FIELDS =
  'has_lead_access{app_has_leads_permission,can_access_lead,enabled_lead_access_manager,failure_reason,failure_resolution,is_page_admin,page_id,user_has_leads_permission,user_id}';

/** Going live: who may read a Page's leads (Leads Access Manager, the ADVERTISE task) and how Meta tells. */
describe('lead access', () => {
  let sandbox: RunningSandbox;
  let receiver: WebhookReceiver;
  let user: string;
  let page: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    receiver = await new WebhookReceiver().start();
    user = await loginAs(sandbox);
    page = await pageToken(sandbox, user, PAGE);
    await graph(sandbox, 'POST', `${sandbox.appId}/subscriptions`, {
      token: appToken(sandbox),
      params: { object: 'page', callback_url: receiver.url, fields: 'leadgen', verify_token: receiver.verifyToken },
    });
    await graph(sandbox, 'POST', `${PAGE}/subscribed_apps`, { token: page, params: { subscribed_fields: 'leadgen' } });
  });
  afterEach(() => receiver.stop());

  const leadAccess = async (token = page, modifiers = '') =>
    graph(sandbox, 'GET', PAGE, {
      token,
      params: { fields: LEAD_ACCESS_FIELDS.replace('has_lead_access', `has_lead_access${modifiers}`) },
    });

  /** A new lead, notified by webhook, then read as the product would on that notification. */
  async function newLeadRead(): Promise<{ leadId: string; notified: boolean; read: { status: number; body: any } }> {
    const [lead] = sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto });
    const deliveries = await sandbox.control.flushWebhooks();
    const notified = deliveries.some((entry) => entry.outcome === 'delivered' && entry.leadgenIds.includes(lead.id));
    return { leadId: lead.id, notified, read: await graph(sandbox, 'GET', lead.id, { token: page, params: { fields: 'id' } }) };
  }

  it('answers has_lead_access for the caller: an admin with the default Leads Access Manager can read', async () => {
    const access = await leadAccess();
    expect(access.body).toEqual({
      id: PAGE,
      has_lead_access: {
        app_has_leads_permission: true,
        can_access_lead: true,
        enabled_lead_access_manager: false,
        is_page_admin: true,
        page_id: PAGE,
        user_has_leads_permission: true,
        user_id: DEMO_IDS.userId,
      },
    });
  });

  it('needs leads_retrieval for has_lead_access', async () => {
    const narrow = await pageToken(sandbox, await loginAs(sandbox, ['pages_show_list', 'pages_manage_ads']), PAGE);
    expect((await leadAccess(narrow)).body.error).toMatchObject({ code: 200 });
  });

  it('answers for another person and app with user_id() and app_id(), and refuses unknown ones', async () => {
    const developer = await leadAccess(page, `.user_id(${DEMO_IDS.appDeveloperId}).app_id(${sandbox.appId})`);
    expect(developer.body.has_lead_access).toMatchObject({
      user_id: DEMO_IDS.appDeveloperId,
      can_access_lead: false,
      user_has_leads_permission: false,
    });
    expect((await leadAccess(page, '.user_id(42)')).body.error).toMatchObject({ code: 100 });
    expect((await leadAccess(page, '.app_id(42)')).body.error).toMatchObject({ code: 100 });
  });

  describe('a Leads Access Manager that leaves the app out', () => {
    beforeEach(async () => {
      const set = await controlCall(sandbox, 'PUT', `/pages/${PAGE}/leads-access`, { people: [DEMO_IDS.userId], crms: [] });
      expect(set.body.data).toEqual({ people: [DEMO_IDS.userId], crms: [] });
    });

    it("says so in has_lead_access, with Meta's reason and resolution", async () => {
      expect((await leadAccess()).body.has_lead_access).toMatchObject({
        app_has_leads_permission: false,
        user_has_leads_permission: true,
        can_access_lead: false,
        enabled_lead_access_manager: true,
        failure_reason: 'CRM access has been revoked from Lead Access Manager',
        failure_resolution: expect.stringContaining('https://www.facebook.com/business/help/1440176552713521'),
      });
    });

    it('still notifies new leads, whose reads then fail as missing objects', async () => {
      const { notified, read } = await newLeadRead();
      expect(notified).toBe(true);
      expect(read.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    });

    it("leaves real leads out of the form's list while test leads keep working", async () => {
      const test = await graph(sandbox, 'POST', `${DEMO_IDS.forms.auto}/test_leads`, { token: page });
      const listed = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: page, params: { fields: 'id', limit: '500' } });
      expect(listed.body.data).toEqual([{ id: test.body.id }]);
      expect((await graph(sandbox, 'GET', test.body.id, { token: page, params: { fields: 'id' } })).status).toBe(200);
    });

    it('gives the leads back when the Leads Access Manager returns to its default', async () => {
      const { leadId } = await newLeadRead();
      expect((await controlCall(sandbox, 'DELETE', `/pages/${PAGE}/leads-access`)).body).toEqual({ success: true });
      expect((await graph(sandbox, 'GET', leadId, { token: page, params: { fields: 'id' } })).body).toEqual({ id: leadId });
      expect((await controlCall(sandbox, 'GET', `/pages/${PAGE}/leads-access`)).body).toEqual({ data: null });
    });
  });

  it('blocks a person the Leads Access Manager leaves out, though the app is listed', async () => {
    await controlCall(sandbox, 'PUT', `/pages/${PAGE}/leads-access`, { people: [], crms: [sandbox.appId] });
    expect((await leadAccess()).body.has_lead_access).toMatchObject({
      app_has_leads_permission: true,
      user_has_leads_permission: false,
      can_access_lead: false,
      failure_reason: 'The user has no leads access in Lead Access Manager',
    });
    expect((await newLeadRead()).read.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  describe('a person without the ADVERTISE task on the Page', () => {
    beforeEach(async () => {
      expect((await controlCall(sandbox, 'PUT', `/pages/${PAGE}/tasks`, { tasks: ['ANALYZE', 'MODERATE'] })).body).toEqual({
        success: true,
      });
    });

    it('shows in the tasks of /me/accounts and in has_lead_access', async () => {
      const accounts = await graph(sandbox, 'GET', 'me/accounts', { token: user, params: { fields: 'id,tasks' } });
      expect(accounts.body.data.find((entry: { id: string }) => entry.id === PAGE).tasks).toEqual(['ANALYZE', 'MODERATE']);
      expect((await leadAccess()).body.has_lead_access).toMatchObject({
        is_page_admin: false,
        user_has_leads_permission: false,
        can_access_lead: false,
        failure_reason: 'The user cannot advertise on this Page',
      });
    });

    it('cannot read the leads Meta notifies', async () => {
      const { notified, read } = await newLeadRead();
      expect(notified).toBe(true);
      expect(read.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    });
  });

  it('refuses control calls on unknown Pages, users and tasks with a 400', async () => {
    const refusal = async (path: string, body: unknown) => {
      const answer = await controlCall(sandbox, 'PUT', path, body);
      expect(answer.status).toBe(400);
      return answer.body.error.message as string;
    };
    expect(await refusal('/pages/42/leads-access', { people: [] })).toBe('Unknown Page 42');
    expect(await refusal(`/pages/${PAGE}/leads-access`, { people: 'everyone' })).toBe('people must be a list of user ids');
    expect(await refusal(`/pages/${PAGE}/tasks`, { tasks: ['FLY'] })).toContain('Unknown task FLY');
    expect(await refusal(`/pages/${PAGE}/tasks`, { tasks: [] })).toContain('tasks must be a non-empty list');
    expect(await refusal(`/pages/${PAGE}/tasks`, { tasks: ['ADVERTISE'], userId: DEMO_IDS.appDeveloperId })).toContain(
      'has no role on Page',
    );
  });
});
