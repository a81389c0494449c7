import { DEMO_IDS, RunningSandbox } from '../../src';
import { placeholderPng } from '../../src/marketing/images/image-format';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, CLOCK_START, leadAdSet, leadCampaign, longLived, sacTargeting } from './marketing-fixtures';

const PNG = placeholderPng(60, 40, [10, 20, 30], [200, 210, 220]);

/** Creating a lead campaign in one flow, as MetaAds will: image, campaign, ad set, creative, ad, then review. */
describe('Marketing API: a lead campaign from scratch', () => {
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

  const post = (path: string, params: Record<string, string>) => graph(sandbox, 'POST', path, { token, params });
  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });

  async function uploadImage(): Promise<string> {
    const res = await post(`${ACT}/adimages`, { bytes: PNG.toString('base64') });
    expect(res.status).toBe(200);
    return res.body.images.bytes.hash;
  }

  const linkData = (imageHash: string, extra: Record<string, unknown> = {}) => ({
    page_id: DEMO_IDS.pages.main,
    link_data: {
      message: 'Compare auto quotes from local carriers.',
      name: 'Auto insurance in 5 minutes',
      link: 'https://fb.me/',
      image_hash: imageHash,
      call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.auto } },
      ...extra,
    },
  });

  /** Campaign, ad set, creative and ad; answers their ids. */
  async function createLeadAd(
    options: { campaign?: Record<string, string>; adset?: Record<string, string>; story?: object; adStatus?: string } = {},
  ) {
    const imageHash = await uploadImage();
    const campaign = await post(`${ACT}/campaigns`, leadCampaign(options.campaign));
    expect(campaign.status).toBe(200);
    const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id, options.adset));
    expect(adset.body).toEqual({ id: expect.any(String) });
    const creative = await post(`${ACT}/adcreatives`, {
      name: 'Auto creative',
      object_story_spec: JSON.stringify(options.story ?? linkData(imageHash)),
    });
    expect(creative.body).toEqual({ id: expect.any(String) });
    const ad = await post(`${ACT}/ads`, {
      name: 'Auto ad',
      adset_id: adset.body.id,
      creative: JSON.stringify({ creative_id: creative.body.id }),
      status: options.adStatus ?? 'PAUSED',
    });
    expect(ad.body).toEqual({ id: expect.any(String) });
    return { campaignId: campaign.body.id, adsetId: adset.body.id, creativeId: creative.body.id, adId: ad.body.id, imageHash };
  }

  describe('the flow', () => {
    it('creates an OUTCOME_LEADS campaign with a lifetime-budget ad set, an image creative and a paused ad', async () => {
      const end = new Date(Date.parse(CLOCK_START) + 14 * 86_400_000).toISOString();
      const { campaignId, adsetId, creativeId, adId, imageHash } = await createLeadAd({
        adset: { daily_budget: '', lifetime_budget: '140000', end_time: end, optimization_goal: 'QUALITY_LEAD' },
      });
      expect((await get(campaignId, { fields: 'objective,special_ad_categories,special_ad_category_country,status' })).body).toMatchObject({
        objective: 'OUTCOME_LEADS',
        special_ad_categories: ['FINANCIAL_PRODUCTS_SERVICES'],
        special_ad_category_country: ['US'],
        status: 'PAUSED',
      });
      expect(
        (
          await get(adsetId, {
            fields: 'lifetime_budget,end_time,optimization_goal,billing_event,destination_type,promoted_object,attribution_spec',
          })
        ).body,
      ).toMatchObject({
        lifetime_budget: '140000',
        end_time: end.replace(/\.\d{3}Z$/, '+0000'),
        optimization_goal: 'QUALITY_LEAD',
        billing_event: 'IMPRESSIONS',
        destination_type: 'ON_AD',
        promoted_object: { page_id: DEMO_IDS.pages.main },
        attribution_spec: [
          { event_type: 'CLICK_THROUGH', window_days: 7 },
          { event_type: 'VIEW_THROUGH', window_days: 1 },
        ],
      });
      expect((await get(creativeId, { fields: 'title,body,image_hash,image_url,call_to_action_type' })).body).toMatchObject({
        title: 'Auto insurance in 5 minutes',
        body: 'Compare auto quotes from local carriers.',
        image_hash: imageHash,
        call_to_action_type: 'SIGN_UP',
      });
      expect((await get(adId, { fields: 'status,effective_status' })).body).toMatchObject({
        status: 'PAUSED',
        effective_status: 'PENDING_REVIEW',
      });
    });

    it('takes the creative inline on the ad', async () => {
      const imageHash = await uploadImage();
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
      const ad = await post(`${ACT}/ads`, {
        name: 'Inline',
        adset_id: adset.body.id,
        creative: JSON.stringify({ name: 'Inline creative', object_story_spec: linkData(imageHash) }),
      });
      const read = await get(ad.body.id, { fields: 'creative{name,title}' });
      expect(read.body.creative).toMatchObject({ name: 'Inline creative', title: 'Auto insurance in 5 minutes' });
    });

    it('takes an asset_feed_spec whose call to action opens the form', async () => {
      const imageHash = await uploadImage();
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
      const creative = await post(`${ACT}/adcreatives`, {
        object_story_spec: JSON.stringify({ page_id: DEMO_IDS.pages.main }),
        asset_feed_spec: JSON.stringify({
          images: [{ hash: imageHash }],
          bodies: [{ text: 'Two minutes to a quote.' }],
          titles: [{ text: 'Get your quote' }],
          call_to_action_types: ['GET_QUOTE'],
          call_to_actions: [{ type: 'GET_QUOTE', value: { lead_gen_form_id: DEMO_IDS.forms.auto } }],
          ad_formats: ['SINGLE_IMAGE'],
        }),
      });
      expect(creative.status).toBe(200);
      const ad = await post(`${ACT}/ads`, {
        name: 'Dynamic',
        adset_id: adset.body.id,
        creative: JSON.stringify({ creative_id: creative.body.id }),
      });
      expect(ad.status).toBe(200);
    });
  });

  describe('review', () => {
    it('keeps a new ad PENDING_REVIEW for the review time, then shows its own status', async () => {
      const { adId } = await createLeadAd({ adStatus: 'PAUSED' });
      expect((await get(adId, { fields: 'effective_status' })).body.effective_status).toBe('PENDING_REVIEW');
      sandbox.control.advanceClock(31_000);
      expect((await get(adId, { fields: 'effective_status' })).body.effective_status).toBe('PAUSED');
    });

    it('shows an active ad in an active campaign as ACTIVE after review, and sends it new leads', async () => {
      const { campaignId, adsetId, adId } = await createLeadAd({
        campaign: { status: 'ACTIVE' },
        adset: { status: 'ACTIVE' },
        adStatus: 'ACTIVE',
      });
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count: 40, organic: false });
      const before = (await get(`${adId}/leads`)).body.data;
      expect(before).toEqual([]);
      sandbox.control.advanceClock(31_000);
      expect((await get(adId, { fields: 'effective_status' })).body.effective_status).toBe('ACTIVE');
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.auto, count: 60, organic: false });
      const leads = (await get(`${adId}/leads`, { fields: 'id,ad_id,adset_id,campaign_id,campaign_name', limit: '100' })).body.data;
      expect(leads.length).toBeGreaterThan(0);
      expect(leads[0]).toMatchObject({ ad_id: adId, adset_id: adsetId, campaign_id: campaignId, campaign_name: 'Test – Auto leads' });
    });

    it('refuses an ad that promises a guaranteed outcome, with ad_review_feedback', async () => {
      const imageHash = await uploadImage();
      const { adId } = await createLeadAd({ story: linkData(imageHash, { name: 'Guaranteed approval for everyone' }) });
      sandbox.control.advanceClock(31_000);
      const ad = (await get(adId, { fields: 'effective_status,ad_review_feedback' })).body;
      expect(ad.effective_status).toBe('DISAPPROVED');
      expect(ad.ad_review_feedback.global['Unrealistic Outcomes']).toContain('guaranteed');
      expect((await post(adId, { status: 'ACTIVE' })).body).toEqual({ success: true });
      expect((await get(adId, { fields: 'effective_status' })).body.effective_status).toBe('DISAPPROVED');
    });

    it('reviews an ad again when its creative changes', async () => {
      const { adId, imageHash } = await createLeadAd();
      sandbox.control.advanceClock(31_000);
      const creative = await post(`${ACT}/adcreatives`, {
        object_story_spec: JSON.stringify(linkData(imageHash, { name: 'A new headline' })),
      });
      await post(adId, { creative: JSON.stringify({ creative_id: creative.body.id }) });
      expect((await get(adId, { fields: 'effective_status,creative{title}' })).body).toMatchObject({
        effective_status: 'PENDING_REVIEW',
        creative: { title: 'A new headline' },
      });
    });
  });

  describe('updates and deletes', () => {
    it('pauses and resumes, changes budget, end time and name, then deletes with DELETE and status', async () => {
      const { campaignId, adsetId, adId } = await createLeadAd();
      const end = new Date(Date.parse(CLOCK_START) + 30 * 86_400_000).toISOString();
      expect((await post(adsetId, { daily_budget: '4000', end_time: end, name: 'Renamed set', status: 'ACTIVE' })).body).toEqual({
        success: true,
      });
      expect((await get(adsetId, { fields: 'daily_budget,end_time,name,status' })).body).toMatchObject({
        daily_budget: '4000',
        name: 'Renamed set',
        status: 'ACTIVE',
      });
      expect((await post(campaignId, { status: 'ACTIVE', name: 'Renamed campaign' })).body).toEqual({ success: true });
      expect((await graph(sandbox, 'DELETE', adId, { token })).body).toEqual({ success: true });
      expect((await post(adsetId, { status: 'DELETED' })).body).toEqual({ success: true });
      expect((await get(adId, { fields: 'status,effective_status' })).body).toEqual({
        id: adId,
        status: 'DELETED',
        effective_status: 'DELETED',
      });
      const edit = await post(adsetId, { name: 'Too late' });
      expect(edit.body.error).toMatchObject({ code: 100, error_subcode: 1487056, error_user_title: "Can't Edit Ad Set" });
    });
  });

  describe('validation', () => {
    const refused = async (path: string, params: Record<string, string>) => {
      const res = await post(path, params);
      expect(res.status).toBe(400);
      return res.body.error;
    };

    it('requires an end time for a lifetime budget (campaign and ad set)', async () => {
      expect(await refused(`${ACT}/campaigns`, leadCampaign({ lifetime_budget: '100000' }))).toMatchObject({
        code: 100,
        error_user_title: 'End date required',
        error_data: { blame_field_specs: [['stop_time']] },
      });
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const error = await refused(`${ACT}/adsets`, leadAdSet(campaign.body.id, { daily_budget: '', lifetime_budget: '100000' }));
      expect(error).toMatchObject({ error_user_title: 'End date required', error_data: { blame_field_specs: [['end_time']] } });
    });

    it('asks a lifetime budget for a day’s minimum for every day it runs, and refuses more than a million dollars', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const end = new Date(Date.parse(CLOCK_START) + 10 * 86_400_000).toISOString();
      const low = await refused(`${ACT}/adsets`, leadAdSet(campaign.body.id, { daily_budget: '', lifetime_budget: '900', end_time: end }));
      expect(low).toMatchObject({ error_subcode: 1885272, error_user_title: 'Your Budget Is Too Low' });
      expect(low.error_user_msg).toContain('10 days');
      expect(await refused(`${ACT}/campaigns`, leadCampaign({ daily_budget: '100000001' }))).toMatchObject({ error_subcode: 1885261 });
      const minimums = await get(`${ACT}/minimum_budgets`);
      expect(minimums.body.data[0]).toMatchObject({ currency: 'USD', min_daily_budget_imp: 100, min_daily_budget_high_freq: 500 });
    });

    it('asks more of ad sets billed on clicks', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign({ objective: 'OUTCOME_TRAFFIC' }));
      const error = await refused(`${ACT}/adsets`, {
        ...leadAdSet(campaign.body.id, {
          optimization_goal: 'LINK_CLICKS',
          billing_event: 'LINK_CLICKS',
          destination_type: 'WEBSITE',
          daily_budget: '300',
        }),
      });
      expect(error).toMatchObject({ error_subcode: 1885272 });
    });

    it.each([
      ['detailed targeting exclusions', { exclusions: { interests: [{ id: '6003', name: 'Luxury goods' }] } }, 'exclusions'],
      ['a demographic option', { flexible_spec: [{ family_statuses: [{ id: '6002714398172' }] }] }, 'family_statuses'],
      ['an age cap', { age_max: 55 }, 'age_max'],
      ['a 10 km radius', { geo_locations: { cities: [{ key: '2420379', radius: 10, distance_unit: 'kilometer' }] } }, 'cities'],
    ])('refuses %s under the financial products category', async (_what, extra, blamed) => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const error = await refused(`${ACT}/adsets`, leadAdSet(campaign.body.id, { targeting: sacTargeting(extra) }));
      expect(error).toMatchObject({ code: 100, error_user_title: 'Audience Not Allowed for Special Ad Category' });
      expect(error.error_data.blame_field_specs[0]).toContain(blamed);
    });

    it('allows the same narrowing without a special ad category', async () => {
      const campaign = await post(`${ACT}/campaigns`, {
        name: 'No category',
        objective: 'OUTCOME_LEADS',
        special_ad_categories: '[]',
        status: 'PAUSED',
      });
      const res = await post(
        `${ACT}/adsets`,
        leadAdSet(campaign.body.id, { targeting: sacTargeting({ age_min: 30, age_max: 55, genders: [2] }) }),
      );
      expect(res.status).toBe(200);
    });

    it('refuses a lead form of another Page, an archived form and a button that cannot open a form', async () => {
      const imageHash = await uploadImage();
      const story = (overrides: Record<string, unknown>) => JSON.stringify(linkData(imageHash, overrides));
      expect(
        await refused(`${ACT}/adcreatives`, {
          object_story_spec: story({ call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.autoSpanish } } }),
        }),
      ).toMatchObject({
        error_user_title: 'Lead form not available',
      });
      expect(
        await refused(`${ACT}/adcreatives`, {
          object_story_spec: story({ call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.archivedAuto } } }),
        }),
      ).toMatchObject({
        error_user_title: 'Lead form not active',
      });
      expect(
        await refused(`${ACT}/adcreatives`, {
          object_story_spec: story({ call_to_action: { type: 'SHOP_NOW', value: { lead_gen_form_id: DEMO_IDS.forms.auto } } }),
        }),
      ).toMatchObject({
        error_user_title: 'Button not available for lead ads',
      });
      expect((await refused(`${ACT}/adcreatives`, { object_story_spec: story({ call_to_action: { type: 'PRESS_HERE' } }) })).code).toBe(
        100,
      );
    });

    it('refuses an image hash the account never uploaded', async () => {
      const error = await refused(`${ACT}/adcreatives`, {
        object_story_spec: JSON.stringify(linkData('0123456789abcdef0123456789abcdef')),
      });
      expect(error).toMatchObject({
        error_user_title: 'Image not found',
        error_data: { blame_field_specs: [['object_story_spec', 'link_data', 'image_hash']] },
      });
    });

    it('refuses an ad whose creative speaks for another Page than the ad set promotes', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
      const spanish = {
        page_id: DEMO_IDS.pages.spanish,
        link_data: { link: 'https://fb.me/', call_to_action: { type: 'SIGN_UP', value: { lead_gen_form_id: DEMO_IDS.forms.autoSpanish } } },
      };
      const error = await refused(`${ACT}/ads`, {
        name: 'Mismatch',
        adset_id: adset.body.id,
        creative: JSON.stringify({ object_story_spec: spanish }),
      });
      expect(error.error_user_title).toBe('Page does not match');
    });

    it('refuses a capped bid strategy without a bid amount, an attribution window Meta dropped and changing a locked field', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      expect(await refused(`${ACT}/adsets`, leadAdSet(campaign.body.id, { bid_strategy: 'COST_CAP' }))).toMatchObject({
        error_subcode: 2490487,
      });
      const spec = JSON.stringify([{ event_type: 'VIEW_THROUGH', window_days: 28 }]);
      expect(await refused(`${ACT}/adsets`, leadAdSet(campaign.body.id, { attribution_spec: spec }))).toMatchObject({
        error_user_title: 'Invalid attribution setting',
      });
      const adset = await post(`${ACT}/adsets`, leadAdSet(campaign.body.id));
      expect(await refused(adset.body.id, { optimization_goal: 'QUALITY_LEAD' })).toMatchObject({
        error_data: { blame_field_specs: [['optimization_goal']] },
      });
    });

    it('refuses new ads under a deleted campaign', async () => {
      const { campaignId, adsetId, creativeId } = await createLeadAd();
      await graph(sandbox, 'DELETE', campaignId, { token });
      const error = await refused(`${ACT}/ads`, { name: 'Late', adset_id: adsetId, creative: JSON.stringify({ creative_id: creativeId }) });
      expect(error).toMatchObject({ error_subcode: 1487056, error_user_title: "Can't Edit Campaign" });
    });

    it('refuses an end time before the start', async () => {
      const campaign = await post(`${ACT}/campaigns`, leadCampaign());
      const error = await refused(
        `${ACT}/adsets`,
        leadAdSet(campaign.body.id, { start_time: '2026-12-10T00:00:00+0000', end_time: '2026-12-05T00:00:00+0000' }),
      );
      expect(error).toMatchObject({ error_user_title: 'Invalid schedule' });
    });
  });
});
