import { DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_AD, AUTO_ADSET, AUTO_CAMPAIGN, CLOCK_START, longLived } from './marketing-fixtures';

const HOME_CAMPAIGN = '120210000000000102';
const HOME_ADSET = '120210000000001201';
const HOME_AD = '120210000000012101';

/** Changes made "in Ads Manager" behind the API's back, through `/__sandbox/marketing` and `sandbox.control.marketing`. */
describe('control surface: marketing', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clockStart: CLOCK_START });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await longLived(sandbox, await loginAs(sandbox));
  });

  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const leadsToday = async (objectId: string) => {
    const row = (await get(`${objectId}/insights`, { fields: 'actions,impressions', date_preset: 'today' })).body.data[0];
    return {
      leads: Number(row?.actions?.find((entry: { action_type: string }) => entry.action_type === 'lead')?.value ?? 0),
      impressions: Number(row?.impressions ?? 0),
    };
  };

  it('pauses a campaign: its ads show CAMPAIGN_PAUSED, updated_time moves, updated_since finds it, delivery and leads stop', async () => {
    const since = String(Math.floor(Date.parse(CLOCK_START) / 1000) + 1);
    sandbox.control.advanceClock(60_000);
    const paused = await control('PATCH', `/marketing/objects/${HOME_CAMPAIGN}`, { status: 'PAUSED' });
    expect(paused.status).toBe(200);
    expect((await get(HOME_AD, { fields: 'effective_status' })).body.effective_status).toBe('CAMPAIGN_PAUSED');
    expect((await get(HOME_CAMPAIGN, { fields: 'status,updated_time' })).body.updated_time).toBe(paused.body.updated_time);
    const changed = (
      await get(`${ACT}/campaigns`, {
        fields: 'id',
        filtering: JSON.stringify([{ field: 'campaign.updated_time', operator: 'GREATER_THAN', value: Number(since) }]),
      })
    ).body.data;
    expect(changed.map((c: { id: string }) => c.id)).toEqual([HOME_CAMPAIGN]);
    const before = await leadsToday(HOME_CAMPAIGN);
    // Two hours on (the unsettled numbers of today restate every six hours, at 18:00 UTC next).
    sandbox.control.advanceClock(2 * 3_600_000);
    const created = sandbox.control.createLeads({ formId: DEMO_IDS.forms.home, count: 20, organic: false });
    const after = await leadsToday(HOME_CAMPAIGN);
    expect(after.impressions).toBe(before.impressions);
    expect(after.leads).toBe(before.leads);
    // The home form's other live campaign took the leads that were not organic.
    const fromAds = (await get(`${DEMO_IDS.forms.home}/leads`, { fields: 'id,campaign_id', limit: '20' })).body.data.filter(
      (lead: { id: string; campaign_id?: string }) => created.some((entry) => entry.id === lead.id) && lead.campaign_id,
    );
    expect(fromAds.every((lead: { campaign_id: string }) => lead.campaign_id !== HOME_CAMPAIGN)).toBe(true);
    await control('PATCH', `/marketing/objects/${HOME_CAMPAIGN}`, { status: 'ACTIVE' });
    expect((await get(HOME_AD, { fields: 'effective_status' })).body.effective_status).toBe('ACTIVE');
  });

  it('renames, changes a budget and an end time, and deletes', async () => {
    await control('PATCH', `/marketing/objects/${HOME_ADSET}`, {
      name: 'Homeowners – NJ only',
      dailyBudget: 7000,
      endTime: '2027-01-31T00:00:00+0000',
    });
    expect((await get(HOME_ADSET, { fields: 'name,daily_budget,end_time' })).body).toMatchObject({
      name: 'Homeowners – NJ only',
      daily_budget: '7000',
      end_time: '2027-01-31T00:00:00+0000',
    });
    const removed = await control('DELETE', `/marketing/objects/${AUTO_AD}`);
    expect(removed.status).toBe(200);
    expect((await get(AUTO_AD, { fields: 'effective_status' })).body.effective_status).toBe('DELETED');
    expect((await get(`${AUTO_ADSET}/ads`, { fields: 'id' })).body.data.map((ad: { id: string }) => ad.id)).toEqual(['120210000000011102']);
  });

  it('makes the ads spend more from a budget raise on, and leaves the days before as they were', async () => {
    const day = (date: string) =>
      get(HOME_AD, {})
        .then(() => get(`${HOME_AD}/insights`, { fields: 'spend', time_range: JSON.stringify({ since: date, until: date }) }))
        .then((r) => Number(r.body.data[0].spend));
    const before = await day('2026-11-20');
    sandbox.control.marketing.change(HOME_ADSET, { dailyBudget: 35000 });
    sandbox.control.advanceClock(2 * 86_400_000);
    expect(await day('2026-11-20')).toBe(before);
    expect(await day('2026-11-30')).toBeGreaterThan(before * 4);
  });

  it('disapproves an ad with feedback and approves it again', async () => {
    const refused = await control('POST', `/marketing/ads/${AUTO_AD}/disapprove`, {
      policy: 'Personal Attributes',
      message: 'Ads must not assert or imply personal attributes.',
    });
    expect(refused.status).toBe(200);
    expect((await get(AUTO_AD, { fields: 'effective_status,ad_review_feedback' })).body).toMatchObject({
      effective_status: 'DISAPPROVED',
      ad_review_feedback: { global: { 'Personal Attributes': 'Ads must not assert or imply personal attributes.' } },
    });
    await control('POST', `/marketing/ads/${AUTO_AD}/approve`);
    expect((await get(AUTO_AD, { fields: 'effective_status' })).body.effective_status).toBe('ACTIVE');
  });

  it('adds issues (WITH_ISSUES, issues_info) and clears them', async () => {
    const added = await control('POST', `/marketing/objects/${AUTO_CAMPAIGN}/issues`, {
      summary: 'Payment method failed',
      message: 'Update the payment method of the ad account.',
      type: 'HARD_ERROR',
    });
    expect(added.status).toBe(201);
    const campaign = (await get(AUTO_CAMPAIGN, { fields: 'effective_status,issues_info' })).body;
    expect(campaign.effective_status).toBe('WITH_ISSUES');
    expect(campaign.issues_info).toEqual([
      {
        level: 'CAMPAIGN',
        error_code: 1815000,
        error_summary: 'Payment method failed',
        error_message: 'Update the payment method of the ad account.',
        error_type: 'HARD_ERROR',
        mid: AUTO_CAMPAIGN,
      },
    ]);
    expect((await get(AUTO_AD, { fields: 'effective_status' })).body.effective_status).toBe('WITH_ISSUES');
    await control('DELETE', `/marketing/objects/${AUTO_CAMPAIGN}/issues`);
    expect((await get(AUTO_CAMPAIGN, { fields: 'effective_status' })).body.effective_status).toBe('ACTIVE');
  });

  it('changes how long new ads stay in review', async () => {
    expect((await control('PUT', '/marketing/review', { seconds: 300 })).status).toBe(200);
    expect((await control('GET', '/marketing')).body.reviewSeconds).toBe(300);
    expect((await control('PUT', '/marketing/review', { seconds: -1 })).status).toBe(400);
  });

  it('answers 400 for bad changes and unknown ids', async () => {
    expect((await control('PATCH', '/marketing/objects/42', { status: 'PAUSED' })).status).toBe(400);
    expect((await control('PATCH', `/marketing/objects/${AUTO_CAMPAIGN}`, { status: 'SNOOZED' })).body.error.message).toContain(
      'status must be one of',
    );
    expect((await control('PATCH', `/marketing/objects/${AUTO_AD}`, { dailyBudget: 5000 })).status).toBe(400);
    expect((await control('PATCH', `/marketing/objects/${HOME_ADSET}`, { dailyBudget: -3 })).status).toBe(400);
    // Budgets stay where they are: campaign 101 has the campaign budget, campaign 102's ad sets have theirs.
    expect((await control('PATCH', `/marketing/objects/${AUTO_ADSET}`, { dailyBudget: 5000 })).body.error.message).toContain(
      'change the campaign',
    );
    expect((await control('PATCH', `/marketing/objects/${HOME_CAMPAIGN}`, { dailyBudget: 5000 })).body.error.message).toContain(
      'change an ad set',
    );
    expect((await control('POST', `/marketing/ads/${AUTO_CAMPAIGN}/disapprove`)).status).toBe(400);
  });

  describe('a large account for benchmarks', () => {
    it('builds 300 campaigns, 1,500 ad sets and 6,000 ads in one call, the same for the same seed', async () => {
      const built = await control('POST', '/marketing/large-account', { accountId: `act_${DEMO_IDS.adAccounts.lifeHealth}` });
      expect(built.status).toBe(201);
      expect(built.body).toEqual({ accountId: DEMO_IDS.adAccounts.lifeHealth, campaigns: 300, adsets: 1500, ads: 6000, historyDays: 730 });
      const counts = (await control('GET', '/marketing')).body.adAccounts.find((account: { id: string }) =>
        account.id.endsWith(DEMO_IDS.adAccounts.lifeHealth),
      );
      expect(counts).toMatchObject({ campaigns: 307, adsets: 1513, ads: 6020 });
      const first = (
        await get(`act_${DEMO_IDS.adAccounts.lifeHealth}/campaigns`, {
          fields: 'id,name,effective_status,adsets.limit(5){daily_budget}',
          limit: '500',
          effective_status: '["ACTIVE","PAUSED"]',
        })
      ).body.data;
      expect(first.length).toBeGreaterThan(280);
      sandbox.control.reset();
      sandbox.control.marketing.buildLargeAccount({ accountId: DEMO_IDS.adAccounts.lifeHealth });
      token = await longLived(sandbox, await loginAs(sandbox));
      const again = (
        await get(`act_${DEMO_IDS.adAccounts.lifeHealth}/campaigns`, {
          fields: 'id,name,effective_status,adsets.limit(5){daily_budget}',
          limit: '500',
          effective_status: '["ACTIVE","PAUSED"]',
        })
      ).body.data;
      expect(again).toEqual(first);
    });

    it('pages the large account through nested expansion', async () => {
      sandbox.control.marketing.buildLargeAccount({ accountId: DEMO_IDS.adAccounts.autoHome, campaigns: 20 });
      const res = await get(`${ACT}/campaigns`, { fields: 'name,adsets.limit(2){name,ads.limit(2){name,creative{id}}}', limit: '25' });
      expect(res.body.data).toHaveLength(25);
      const bulk = res.body.data.find((c: { name: string }) => c.name.includes('#1'));
      expect(bulk.adsets.data).toHaveLength(2);
      expect(bulk.adsets.paging.next).toBeDefined();
      expect(bulk.adsets.data[0].ads.data).toHaveLength(2);
    });

    it('refuses an unknown account and silly sizes', async () => {
      expect((await control('POST', '/marketing/large-account', { accountId: 'act_42' })).status).toBe(400);
      expect((await control('POST', '/marketing/large-account', { accountId: DEMO_IDS.adAccounts.autoHome, campaigns: 0 })).status).toBe(
        400,
      );
      expect(
        (
          await control('POST', '/marketing/large-account', {
            accountId: DEMO_IDS.adAccounts.autoHome,
            campaigns: 5000,
            adsetsPerCampaign: 10,
            adsPerAdset: 10,
          })
        ).status,
      ).toBe(400);
    });
  });
});
