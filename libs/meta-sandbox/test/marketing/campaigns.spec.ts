import { DEMO_AD_REFS, DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_AD, AUTO_ADSET, AUTO_CAMPAIGN, CLOCK_START, leadAdSet, leadCampaign, sacTargeting } from './marketing-fixtures';

describe('Marketing API: campaigns, ad sets, ads and creatives', () => {
  let sandbox: RunningSandbox;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clockStart: CLOCK_START });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.control.reset();
    token = await loginAs(sandbox);
  });

  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });
  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });

  async function campaignWithAdSet(): Promise<{ campaignId: string; adsetId: string }> {
    const campaign = await post(`${ACT}/campaigns`, leadCampaign());
    const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
    expect(adset.status).toBe(200);
    return { campaignId: campaign.body.id, adsetId: adset.body.id };
  }

  describe('demo world', () => {
    it('lists fifteen campaigns over the two ad accounts, most with several ad sets, lead campaigns on the demo forms and one traffic campaign', async () => {
      const fields = 'id,name,objective,special_ad_categories,effective_status';
      const list = await get(`${ACT}/campaigns`, { fields, limit: '100' });
      const other = await get(`act_${DEMO_IDS.adAccounts.lifeHealth}/campaigns`, { fields, limit: '100' });
      const all = [...list.body.data, ...other.body.data];
      expect(all).toHaveLength(15);
      expect(all.filter((c: { objective: string }) => c.objective === 'OUTCOME_LEADS')).toHaveLength(14);
      expect(all.filter((c: { objective: string }) => c.objective === 'OUTCOME_TRAFFIC')).toHaveLength(1);
      const adsets = [
        ...(await get(`${ACT}/adsets`, { fields: 'campaign_id', limit: '100' })).body.data,
        ...(await get(`act_${DEMO_IDS.adAccounts.lifeHealth}/adsets`, { fields: 'campaign_id', limit: '100' })).body.data,
      ];
      const perCampaign = new Map<string, number>();
      for (const adset of adsets) perCampaign.set(adset.campaign_id, (perCampaign.get(adset.campaign_id) ?? 0) + 1);
      expect([...perCampaign.values()].filter((count) => count >= 2).length).toBeGreaterThanOrEqual(12);
      expect(list.body.data.find((c: { id: string }) => c.id === AUTO_CAMPAIGN)).toMatchObject({
        name: 'Auto quotes – Always on',
        special_ad_categories: ['FINANCIAL_PRODUCTS_SERVICES'],
        effective_status: 'ACTIVE',
      });
    });

    it('has a paused campaign, completed ones, a paused ad set and ad, and an ad refused in review', async () => {
      const ads = (
        await get(`${ACT}/ads`, {
          fields: 'id,effective_status',
          limit: '100',
          effective_status: '["DISAPPROVED","PAUSED","CAMPAIGN_PAUSED"]',
        })
      ).body.data;
      expect(ads).toContainEqual({ id: '120210000000018102', effective_status: 'DISAPPROVED' });
      expect(ads).toContainEqual({ id: '120210000000015102', effective_status: 'PAUSED' });
      expect(ads).toContainEqual({ id: '120210000000016101', effective_status: 'CAMPAIGN_PAUSED' });
      const completed = (await get(`${ACT}/campaigns`, { fields: 'id,stop_time,effective_status', is_completed: 'true' })).body.data;
      expect(completed).toEqual([expect.objectContaining({ id: '120210000000000107', effective_status: 'ACTIVE' })]);
      const pausedSet = (await get('120210000000002102', { fields: 'effective_status' })).body;
      expect(pausedSet.effective_status).toBe('PAUSED');
    });

    it('attributes every demo ad lead to an ad that exists and was delivering when the lead came in', async () => {
      const day = 86_400_000;
      const built = Date.parse(CLOCK_START);
      let checked = 0;
      for (const formId of [DEMO_IDS.forms.auto, DEMO_IDS.forms.home, DEMO_IDS.forms.life, DEMO_IDS.forms.health]) {
        const leads = (await get(`${formId}/leads`, { fields: 'id,created_time,ad_id,adset_id,campaign_id', limit: '500' })).body.data;
        for (const lead of leads.filter((entry: { ad_id?: string }) => entry.ad_id)) {
          const ref = DEMO_AD_REFS[formId].find((entry) => entry.adId === lead.ad_id)!;
          expect(ref).toMatchObject({ adsetId: lead.adset_id, campaignId: lead.campaign_id });
          const at = Date.parse(lead.created_time.replace('+0000', 'Z'));
          // Paused, finished or later-started ads brought leads only while they ran (the world is built at the clock start, give or take a minute).
          expect(at).toBeGreaterThan(built - ref.delivery.fromDaysAgo * day - 60_000);
          if (ref.delivery.untilDaysAgo !== undefined) expect(at).toBeLessThan(built - ref.delivery.untilDaysAgo * day + 60_000);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(40);
      const ad = (await get('120210000000016101', { fields: 'campaign{id,name},adset{id},creative{object_story_spec}' })).body;
      expect(ad.campaign).toEqual({ id: '120210000000000106', name: 'Home + Auto bundle – Fall' });
      expect(ad.creative.object_story_spec.link_data.call_to_action.value.lead_gen_form_id).toBe(DEMO_IDS.forms.home);
    });

    it('expands campaigns{name,adsets{name}} on the ad account', async () => {
      const account = await get(ACT, { fields: 'name,campaigns{name,adsets{name}}' });
      const auto = account.body.campaigns.data.find((c: { id: string }) => c.id === AUTO_CAMPAIGN);
      expect(auto.adsets.data).toEqual([
        { id: AUTO_ADSET, name: 'US drivers 25-64' },
        { id: '120210000000001102', name: 'NJ & NY commuters' },
      ]);
    });
  });

  describe('campaign validation', () => {
    it('refuses a legacy objective with code 100 and a user message', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ objective: 'LEAD_GENERATION' }));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 100, error_user_title: expect.any(String) });
      expect(res.body.error.error_user_msg).toContain('OUTCOME_LEADS');
    });

    it('refuses an unknown objective naming the allowed values', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ objective: 'SELL_POLICIES' }));
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.message).toContain('OUTCOME_TRAFFIC');
    });

    it('requires special_ad_categories', async () => {
      const { special_ad_categories: _omit, ...params } = leadCampaign();
      const res = await post(`${ACT}/campaigns`, params);
      expect(res.body.error).toMatchObject({ code: 100, message: '(#100) The parameter special_ad_categories is required' });
    });

    it('refuses the retired CREDIT category in favour of FINANCIAL_PRODUCTS_SERVICES', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ special_ad_categories: '["CREDIT"]' }));
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.error_user_msg).toContain('FINANCIAL_PRODUCTS_SERVICES');
    });

    it('requires special_ad_category_country once a category is declared', async () => {
      const { special_ad_category_country: _omit, ...params } = leadCampaign();
      const res = await post(`${ACT}/campaigns`, params);
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.error_data).toEqual({ blame_field_specs: [['special_ad_category_country']] });
    });

    it('accepts an empty category list for a non-special campaign', async () => {
      const res = await post(`${ACT}/campaigns`, {
        name: 'Brand',
        objective: 'OUTCOME_AWARENESS',
        special_ad_categories: '[]',
        status: 'PAUSED',
      });
      expect(res.status).toBe(200);
    });

    it('refuses a budget that is not whole minor units', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '50.00' }));
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.message).toContain('daily_budget');
    });

    it('refuses a budget below the account minimum', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '50' }));
      expect(res.body.error).toMatchObject({ code: 100, error_user_title: 'Your Budget Is Too Low' });
    });

    it('refuses daily and lifetime budgets together', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '5000', lifetime_budget: '100000' }));
      expect(res.body.error.code).toBe(100);
    });

    it('refuses an unknown bid_strategy', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '5000', bid_strategy: 'CHEAPEST' }));
      expect(res.body.error.message).toContain('LOWEST_COST_WITHOUT_CAP');
    });

    it('validate_only checks without creating', async () => {
      const res = await post(`${ACT}/campaigns`, leadCampaign({ execution_options: '["validate_only"]' }));
      expect(res.body).toEqual({ success: true });
      const list = await get(`${ACT}/campaigns`, { fields: 'name', limit: '100' });
      expect(list.body.data.map((c: { name: string }) => c.name)).not.toContain('Test – Auto leads');
    });
  });

  describe('campaign CRUD', () => {
    it('creates, reads back budgets as minor-unit strings, updates and deletes', async () => {
      const created = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '5000', bid_strategy: 'LOWEST_COST_WITHOUT_CAP' }));
      expect(created.body.id).toMatch(/^\d{18}$/);
      const read = await get(created.body.id, {
        fields: 'name,objective,status,effective_status,daily_budget,bid_strategy,special_ad_category_country',
      });
      expect(read.body).toMatchObject({
        objective: 'OUTCOME_LEADS',
        status: 'PAUSED',
        effective_status: 'PAUSED',
        daily_budget: '5000',
        special_ad_category_country: ['US'],
      });
      expect(await post(created.body.id, { daily_budget: '7500', status: 'ACTIVE' }).then((r) => r.body)).toEqual({ success: true });
      expect((await get(created.body.id, { fields: 'daily_budget,status' })).body).toMatchObject({
        daily_budget: '7500',
        status: 'ACTIVE',
      });
      const removed = await graph(sandbox, 'DELETE', created.body.id, { token });
      expect(removed.body).toEqual({ success: true });
      expect((await get(created.body.id, { fields: 'status' })).body.status).toBe('DELETED');
    });

    it('hides deleted campaigns from the list unless effective_status asks for them', async () => {
      const created = await post(`${ACT}/campaigns`, leadCampaign());
      await post(created.body.id, { status: 'DELETED' });
      const ids = async (params: Record<string, string>) =>
        (await get(`${ACT}/campaigns`, params)).body.data.map((c: { id: string }) => c.id);
      expect(await ids({})).not.toContain(created.body.id);
      expect(await ids({ effective_status: '["DELETED"]' })).toEqual([created.body.id]);
    });

    it('removes the end of a daily-budget ad set or campaign with end_time / stop_time 0, and keeps it for a lifetime budget', async () => {
      const { campaignId, adsetId } = await campaignWithAdSet();
      const end = new Date(Date.parse(CLOCK_START) + 10 * 86_400_000).toISOString();
      expect((await post(adsetId, { end_time: end })).body).toEqual({ success: true });
      expect((await get(adsetId, { fields: 'end_time' })).body.end_time).toBe(end.replace(/\.\d{3}Z$/, '+0000'));
      expect((await post(adsetId, { end_time: '0' })).body).toEqual({ success: true });
      expect((await get(adsetId, { fields: 'end_time' })).body.end_time).toBeUndefined();
      expect((await post(campaignId, { stop_time: end })).body).toEqual({ success: true });
      expect((await post(campaignId, { stop_time: '0' })).body).toEqual({ success: true });
      expect((await get(campaignId, { fields: 'stop_time' })).body.stop_time).toBeUndefined();
      const lifetime = await post(`${ACT}/adsets`, leadAdSet(campaignId, { daily_budget: '', lifetime_budget: '140000', end_time: end }));
      const kept = await post(lifetime.body.id, { end_time: '0' });
      expect(kept.body.error).toMatchObject({ code: 100, error_user_title: 'End date required' });
    });

    it('refuses to change the objective of an existing campaign', async () => {
      const res = await post(AUTO_CAMPAIGN, { objective: 'OUTCOME_TRAFFIC' });
      expect(res.body.error.code).toBe(100);
    });

    it('needs ads_management to write', async () => {
      const reader = await loginAs(sandbox, ['ads_read', 'business_management']);
      const res = await graph(sandbox, 'POST', `${ACT}/campaigns`, { token: reader, params: leadCampaign() });
      expect(res.body.error.code).toBe(200);
    });

    it('charges ad calls to ads_management and shows X-Ad-Account-Usage', async () => {
      let res = await get(`${ACT}/campaigns`);
      for (let i = 0; i < 3; i++) res = await get(`${ACT}/campaigns`);
      const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!);
      expect(buc[DEMO_IDS.adAccounts.autoHome][0]).toMatchObject({ type: 'ads_management', ads_api_access_tier: expect.any(String) });
      expect(JSON.parse(res.headers.get('x-ad-account-usage')!)).toHaveProperty('acc_id_util_pct');
    });
  });

  describe('ad set validation', () => {
    it('creates a lead ad set and lists it under its campaign', async () => {
      const { campaignId, adsetId } = await campaignWithAdSet();
      const list = await get(`${campaignId}/adsets`, { fields: 'id,optimization_goal,destination_type,daily_budget,effective_status' });
      expect(list.body.data).toEqual([
        { id: adsetId, optimization_goal: 'LEAD_GENERATION', destination_type: 'ON_AD', daily_budget: '2500', effective_status: 'PAUSED' },
      ]);
    });

    it('requires targeting_automation.advantage_audience 0 or 1 (100/1870227)', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const res = await post(
        `${ACT}/adsets`,
        leadAdSet(campaign.body.id, { targeting: JSON.stringify({ geo_locations: { countries: ['US'] } }) }),
      );
      expect(res.body.error).toMatchObject({ code: 100, error_subcode: 1870227, error_user_title: 'Advantage Audience Flag Required' });
    });

    it('requires geo_locations', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const res = await post(
        `${ACT}/adsets`,
        leadAdSet(campaign.body.id, { targeting: JSON.stringify({ targeting_automation: { advantage_audience: 1 } }) }),
      );
      expect(res.body.error.code).toBe(100);
      expect(res.body.error.error_data.blame_field_specs[0]).toEqual(['targeting', 'geo_locations']);
    });

    it.each([
      ['age narrowing', { age_min: 25 }],
      ['gender targeting', { genders: [1] }],
      ['ZIP codes', { geo_locations: { zips: [{ key: 'US:07030' }] } }],
      [
        'a radius under 15 miles',
        { geo_locations: { custom_locations: [{ latitude: 40.7, longitude: -74, radius: 10, distance_unit: 'mile' }] } },
      ],
    ])('refuses %s in a special ad category', async (_what, extra) => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const res = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id, { targeting: sacTargeting(extra) }));
      expect(res.body.error).toMatchObject({ code: 100, error_user_title: 'Audience Not Allowed for Special Ad Category' });
    });

    it('allows a 25 km radius in a special ad category', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const targeting = sacTargeting({
        geo_locations: { custom_locations: [{ latitude: 40.7, longitude: -74, radius: 25, distance_unit: 'kilometer' }] },
      });
      expect((await post(`${ACT}/adsets`, leadAdSet(campaign.body.id, { targeting }))).status).toBe(200);
    });

    it('refuses an ad set budget under a campaign budget', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign({ daily_budget: '5000' }));
      const res = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
      expect(res.body.error).toMatchObject({ code: 100, error_user_title: 'Campaign budget already set' });
    });

    it('requires a budget somewhere', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const { daily_budget: _omit, ...params } = leadAdSet(campaign.body.id);
      expect((await post(`${ACT}/adsets`, params)).body.error.error_user_title).toBe('Budget required');
    });

    it('requires promoted_object.page_id for lead ads', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const { promoted_object: _omit, ...params } = leadAdSet(campaign.body.id);
      expect((await post(`${ACT}/adsets`, params)).body.error.error_data.blame_field_specs).toEqual([['promoted_object']]);
    });

    it('requires destination_type ON_AD for lead ads', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      expect(
        (await post(`${ACT}/adsets`, leadAdSet(campaign.body.id, { destination_type: 'WEBSITE' }))).body.error.error_data.blame_field_specs,
      ).toEqual([['destination_type']]);
    });

    it('refuses a billing event the performance goal does not bill on', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      expect((await post(`${ACT}/adsets`, leadAdSet(campaign.body.id, { billing_event: 'LINK_CLICKS' }))).body.error.error_user_title).toBe(
        'Billing event not available',
      );
    });

    it('refuses a performance goal the objective does not offer', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign({ objective: 'OUTCOME_TRAFFIC' }));
      expect((await post(`${ACT}/adsets`, leadAdSet(campaign.body.id))).body.error.error_user_title).toBe('Performance goal not available');
    });

    it('shows CAMPAIGN_PAUSED and ADSET_PAUSED as effective statuses', async () => {
      await post(AUTO_CAMPAIGN, { status: 'PAUSED' });
      expect((await get(AUTO_ADSET, { fields: 'effective_status' })).body.effective_status).toBe('CAMPAIGN_PAUSED');
      await post(AUTO_CAMPAIGN, { status: 'ACTIVE' });
      await post(AUTO_ADSET, { status: 'PAUSED' });
      expect((await get(AUTO_AD, { fields: 'effective_status,status' })).body).toMatchObject({
        effective_status: 'ADSET_PAUSED',
        status: 'ACTIVE',
      });
    });
  });

  describe('creatives and ads', () => {
    it('creates a lead creative and an ad, lists it under the ad set, updates and deletes it', async () => {
      const { adsetId } = await campaignWithAdSet();
      const creative = await post(`${ACT}/adcreatives`, {
        name: 'Quote creative',
        object_story_spec: JSON.stringify({
          page_id: DEMO_IDS.pages.main,
          link_data: {
            message: 'Compare quotes',
            link: 'https://fb.me/',
            call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.auto } },
          },
        }),
      });
      expect(creative.status).toBe(200);
      const ad = await post(`${ACT}/ads`, {
        name: 'Ad A',
        adset_id: adsetId,
        creative: JSON.stringify({ creative_id: creative.body.id }),
        status: 'PAUSED',
      });
      expect(ad.status).toBe(200);
      const list = await get(`${adsetId}/ads`, { fields: 'name,creative{id,call_to_action_type}' });
      expect(list.body.data).toEqual([
        { id: ad.body.id, name: 'Ad A', creative: { id: creative.body.id, call_to_action_type: 'SIGN_UP' } },
      ]);
      expect((await post(ad.body.id, { name: 'Ad B' })).body).toEqual({ success: true });
      expect((await graph(sandbox, 'DELETE', ad.body.id, { token })).body).toEqual({ success: true });
      expect((await get(`${adsetId}/ads`)).body.data).toEqual([]);
    });

    it('refuses a lead form of another Page in the creative', async () => {
      const res = await post(`${ACT}/adcreatives`, {
        object_story_spec: JSON.stringify({
          page_id: DEMO_IDS.pages.spanish,
          link_data: { link: 'https://fb.me/', call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.auto } } },
        }),
      });
      expect(res.body.error.code).toBe(100);
    });

    it('refuses an ad in a lead ad set whose creative opens no form', async () => {
      const { adsetId } = await campaignWithAdSet();
      const creative = await post(`${ACT}/adcreatives`, {
        object_story_spec: JSON.stringify({ page_id: DEMO_IDS.pages.main, link_data: { link: 'https://example.com/' } }),
      });
      const res = await post(`${ACT}/ads`, {
        name: 'No form',
        adset_id: adsetId,
        creative: JSON.stringify({ creative_id: creative.body.id }),
      });
      expect(res.body.error.error_user_title).toBe('Lead form required');
    });
  });
});
