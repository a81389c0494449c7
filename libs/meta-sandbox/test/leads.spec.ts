import { DEMO_IDS, RunningSandbox } from '../src';
import { startTestSandbox } from './support/test-sandbox';
import { graph } from './support/graph';
import { loginAs, pageToken } from './support/login';

interface Lead {
  id: string;
  created_time: string;
  field_data: { name: string; values: string[] }[];
  is_organic?: boolean;
  ad_id?: string;
  custom_disclaimer_responses?: { checkbox_key: string; is_checked: string }[];
}

describe('lead forms and leads', () => {
  let sandbox: RunningSandbox;
  let page: string;
  let user: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    user = await loginAs(sandbox);
    page = await pageToken(sandbox, user, DEMO_IDS.pages.main);
  });

  const allLeads = async (formId: string, token = page): Promise<Lead[]> => {
    const result = await graph(sandbox, 'GET', `${formId}/leads`, {
      token,
      params: { fields: 'id,created_time,field_data,is_organic,ad_id,custom_disclaimer_responses', limit: '500' },
    });
    return result.body.data;
  };

  it("lists a Page's forms for auto, home, life and health with their questions and status", async () => {
    const forms = await graph(sandbox, 'GET', `${DEMO_IDS.pages.main}/leadgen_forms`, {
      token: page,
      params: { fields: 'name,status,leads_count,questions' },
    });
    const names = forms.body.data.map((form: { name: string }) => form.name.toLowerCase());
    for (const product of ['auto', 'home', 'life', 'health']) expect(names.some((name: string) => name.includes(product))).toBe(true);
    expect(forms.body.data.map((form: { status: string }) => form.status)).toContain('ARCHIVED');
    const auto = forms.body.data.find((form: { id: string }) => form.id === DEMO_IDS.forms.auto);
    expect(auto.leads_count).toBeGreaterThan(0);
    expect(auto.questions).toContainEqual(
      expect.objectContaining({
        key: 'coverage_needs',
        type: 'CUSTOM',
        options: expect.arrayContaining([{ key: 'collision', value: 'Collision' }]),
      }),
    );
  });

  it('serves non-Latin Page names, form labels and answers', async () => {
    const japanesePage = await pageToken(sandbox, user, DEMO_IDS.pages.japanese);
    const form = await graph(sandbox, 'GET', DEMO_IDS.forms.lifeJapanese, {
      token: japanesePage,
      params: { fields: 'name,locale,questions,page' },
    });
    expect(form.body).toMatchObject({ name: '生命保険のお見積り', locale: 'JA_JP', page: { name: 'ハーバーポイント保険' } });
    const leads = await allLeads(DEMO_IDS.forms.lifeJapanese, japanesePage);
    const name = leads[0].field_data.find((field) => field.name === 'full_name')!.values[0];
    expect(name).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
  });

  it('returns only the lead fields asked for, plus id', async () => {
    const [first] = await allLeads(DEMO_IDS.forms.auto);
    const lead = await graph(sandbox, 'GET', first.id, { token: page, params: { fields: 'form_id,is_organic' } });
    expect(Object.keys(lead.body).sort()).toEqual(['form_id', 'id', 'is_organic']);
  });

  it('returns created_time, id and field_data when no fields are given', async () => {
    const [first] = await allLeads(DEMO_IDS.forms.auto);
    const lead = await graph(sandbox, 'GET', first.id, { token: page });
    expect(Object.keys(lead.body).sort()).toEqual(['created_time', 'field_data', 'id']);
  });

  it('mixes organic and ad leads; ad leads carry ad ids, organic ones none', async () => {
    const leads = await allLeads(DEMO_IDS.forms.auto);
    const organic = leads.filter((lead) => lead.is_organic);
    const fromAds = leads.filter((lead) => !lead.is_organic);
    expect(organic.length).toBeGreaterThan(0);
    expect(fromAds.length).toBeGreaterThan(0);
    expect(organic.every((lead) => lead.ad_id === undefined)).toBe(true);
    expect(fromAds.every((lead) => typeof lead.ad_id === 'string')).toBe(true);
  });

  it('answers multi-select questions with several values and records consent checkboxes', async () => {
    const leads = await allLeads(DEMO_IDS.forms.auto);
    const coverages = leads.map((lead) => lead.field_data.find((field) => field.name === 'coverage_needs')!.values);
    expect(coverages.some((values) => values.length > 1)).toBe(true);
    expect(leads[0].custom_disclaimer_responses).toContainEqual({ checkbox_key: 'tcpa_consent', is_checked: '1' });
  });

  it('filters leads on time_created', async () => {
    const leads = await allLeads(DEMO_IDS.forms.auto);
    const middle = Math.floor(Date.parse(leads[Math.floor(leads.length / 2)].created_time.replace('+0000', 'Z')) / 1000);
    const newer = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, {
      token: page,
      params: {
        fields: 'created_time',
        limit: '500',
        filtering: JSON.stringify([{ field: 'time_created', operator: 'GREATER_THAN', value: middle }]),
      },
    });
    expect(newer.body.data.length).toBeGreaterThan(0);
    expect(newer.body.data.length).toBeLessThan(leads.length);
    for (const lead of newer.body.data) expect(Date.parse(lead.created_time.replace('+0000', 'Z')) / 1000).toBeGreaterThan(middle);
  });

  it('refuses filtering on an unsupported field', async () => {
    const result = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, {
      token: page,
      params: { filtering: JSON.stringify([{ field: 'email', operator: 'EQUAL', value: 'x' }]) },
    });
    expect(result.body.error).toMatchObject({ code: 100 });
  });

  it('lists leads newest first', async () => {
    const times = (await allLeads(DEMO_IDS.forms.home)).map((lead) => Date.parse(lead.created_time.replace('+0000', 'Z')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('needs leads_retrieval to read leads', async () => {
    const narrow = await loginAs(sandbox, ['pages_show_list', 'pages_manage_ads']);
    const narrowPage = await pageToken(sandbox, narrow, DEMO_IDS.pages.main);
    const result = await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token: narrowPage });
    expect(result.body.error).toMatchObject({ code: 200 });
  });

  it('allows one test lead per form until it is deleted', async () => {
    const first = await graph(sandbox, 'POST', `${DEMO_IDS.forms.home}/test_leads`, { token: page });
    expect(first.body.id).toEqual(expect.any(String));
    const second = await graph(sandbox, 'POST', `${DEMO_IDS.forms.home}/test_leads`, { token: page });
    expect(second.body.error).toMatchObject({ code: 100 });
    expect((await graph(sandbox, 'DELETE', first.body.id, { token: page })).body).toEqual({ success: true });
    const third = await graph(sandbox, 'POST', `${DEMO_IDS.forms.home}/test_leads`, { token: page });
    expect(third.status).toBe(200);
  });

  it("fills unanswered test lead questions with Meta's dummy values", async () => {
    const created = await graph(sandbox, 'POST', `${DEMO_IDS.forms.home}/test_leads`, {
      token: page,
      params: { field_data: JSON.stringify([{ name: 'full_name', values: ['Test Person'] }]) },
    });
    const lead = await graph(sandbox, 'GET', created.body.id, { token: page });
    expect(lead.body.field_data).toContainEqual({ name: 'full_name', values: ['Test Person'] });
    expect(lead.body.field_data).toContainEqual({ name: 'email', values: ['test lead: dummy data for email'] });
  });

  it('refuses to delete a real lead', async () => {
    const [first] = await allLeads(DEMO_IDS.forms.auto);
    expect((await graph(sandbox, 'DELETE', first.id, { token: page })).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('makes leads older than 90 days disappear and counts them as expired', async () => {
    const [first] = await allLeads(DEMO_IDS.forms.auto);
    sandbox.control.advanceClock(91 * 86_400_000);
    const fresh = await pageToken(sandbox, await loginAs(sandbox), DEMO_IDS.pages.main);
    expect((await graph(sandbox, 'GET', first.id, { token: fresh })).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    const form = await graph(sandbox, 'GET', DEMO_IDS.forms.auto, { token: fresh, params: { fields: 'leads_count,expired_leads_count' } });
    expect(form.body).toMatchObject({ leads_count: 0, expired_leads_count: expect.any(Number) });
    expect(form.body.expired_leads_count).toBeGreaterThan(0);
  });

  it('builds the same leads for the same seed and different ones for another seed', async () => {
    const a = (await allLeads(DEMO_IDS.forms.life)).map((lead) => [lead.id, lead.field_data]);
    sandbox.control.reset({ seed: 'test-seed' });
    const samePage = await pageToken(sandbox, await loginAs(sandbox), DEMO_IDS.pages.main);
    const b = (await allLeads(DEMO_IDS.forms.life, samePage)).map((lead) => [lead.id, lead.field_data]);
    expect(b).toEqual(a);
    sandbox.control.reset({ seed: 'another-seed' });
    const otherPage = await pageToken(sandbox, await loginAs(sandbox), DEMO_IDS.pages.main);
    const c = (await allLeads(DEMO_IDS.forms.life, otherPage)).map((lead) => [lead.id, lead.field_data]);
    expect(c).not.toEqual(a);
  });
});
