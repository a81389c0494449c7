import { DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_CAMPAIGN, CLOCK_START } from './marketing-fixtures';

const LIFE_ACT = `act_${DEMO_IDS.adAccounts.lifeHealth}`;

/** What a campaign mirror does: page every edge with field expansion, filter, and watch its rate limits. */
describe('Marketing API: reading campaigns, ad sets and ads for a sync', () => {
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

  const get = (path: string, params: Record<string, string> = {}) => graph(sandbox, 'GET', path, { token, params });
  const follow = async (url: string) => (await fetch(url)).json() as Promise<any>;

  /** Every item of a nested edge: its first page from the expansion, the rest through its own `next` links. */
  async function drain(edge: { data: any[]; paging?: { next?: string } }): Promise<any[]> {
    const items = [...edge.data];
    let next = edge.paging?.next;
    while (next) {
      const page = await follow(next);
      items.push(...page.data);
      next = page.paging?.next;
    }
    return items;
  }

  it('mirrors an account through campaigns{adsets.limit(n){ads.limit(n){creative{…}}}} and the nested next links', async () => {
    const fields =
      'id,name,status,effective_status,objective,special_ad_categories,daily_budget,lifetime_budget,bid_strategy,start_time,stop_time,' +
      'adsets.limit(1){id,name,effective_status,daily_budget,targeting,optimization_goal,destination_type,promoted_object,' +
      'ads.limit(1){id,name,effective_status,issues_info,ad_review_feedback,creative{id,title,body,image_hash,call_to_action_type,object_story_spec}}}';
    let page = (await get(ACT, { fields: `campaigns.limit(3){${fields}}` })).body.campaigns;
    const campaigns = [...page.data];
    while (page.paging?.next) {
      page = await follow(page.paging.next);
      campaigns.push(...page.data);
    }
    expect(campaigns.map((c) => c.id)).toHaveLength(8);
    const ads: any[] = [];
    for (const campaign of campaigns) {
      for (const adset of await drain(campaign.adsets)) {
        expect(adset).toHaveProperty('targeting.geo_locations');
        // The ad set's next link keeps the ad sub-fields.
        for (const ad of await drain(adset.ads)) ads.push(ad);
      }
    }
    const direct = (await get(`${ACT}/ads`, { fields: 'id', limit: '100' })).body.data;
    expect(ads.map((ad) => ad.id).sort()).toEqual(direct.map((ad: { id: string }) => ad.id).sort());
    const disapproved = ads.find((ad) => ad.effective_status === 'DISAPPROVED');
    expect(disapproved.ad_review_feedback.global).toHaveProperty(['Unrealistic Outcomes']);
    expect(ads.find((ad) => ad.id === '120210000000011101').creative).toMatchObject({
      title: 'Drivers save 15% on average',
      call_to_action_type: 'GET_QUOTE',
      image_hash: expect.stringMatching(/^[0-9a-f]{32}$/),
      object_story_spec: { link_data: { call_to_action: { value: { lead_gen_form_id: DEMO_IDS.forms.auto } } } },
    });
  });

  it('pages /act_{id}/ads with cursors until next is gone', async () => {
    const ids: string[] = [];
    let page = (await get(`${LIFE_ACT}/ads`, { fields: 'id,name', limit: '4' })).body;
    ids.push(...page.data.map((ad: { id: string }) => ad.id));
    while (page.paging.next) {
      page = await follow(page.paging.next);
      ids.push(...page.data.map((ad: { id: string }) => ad.id));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
  });

  it('filters by effective_status and refuses a status Meta does not have', async () => {
    const paused = (await get(`${ACT}/campaigns`, { fields: 'id,effective_status', effective_status: '["PAUSED"]' })).body.data;
    expect(paused).toEqual([{ id: '120210000000000106', effective_status: 'PAUSED' }]);
    const bad = await get(`${ACT}/campaigns`, { effective_status: '["SLEEPING"]' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe(100);
  });

  it('filters with filtering on prefixed and plain fields, as incremental syncs send them', async () => {
    const inCampaign = await get(`${ACT}/ads`, {
      fields: 'id',
      filtering: JSON.stringify([{ field: 'campaign.id', operator: 'IN', value: [AUTO_CAMPAIGN] }]),
    });
    expect(inCampaign.body.data.map((ad: { id: string }) => ad.id)).toEqual([
      '120210000000011101',
      '120210000000011102',
      '120210000000011201',
      '120210000000011202',
    ]);
    const since = Math.floor(Date.parse(CLOCK_START) / 1000) - 10 * 86_400;
    const recent = await get(`${ACT}/campaigns`, {
      fields: 'id,updated_time',
      filtering: JSON.stringify([{ field: 'campaign.updated_time', operator: 'GREATER_THAN', value: since }]),
    });
    // Only the campaign paused six days ago changed in the last ten days.
    expect(recent.body.data.map((c: { id: string }) => c.id)).toEqual(['120210000000000106']);
    const unknown = await get(`${ACT}/ads`, { filtering: JSON.stringify([{ field: 'ad.mood', operator: 'EQUAL', value: 'x' }]) });
    expect(unknown.body.error).toMatchObject({ code: 100 });
    expect(unknown.body.error.message).toContain('ad.mood');
  });

  it('shows deleted objects only when a filter asks for them', async () => {
    await graph(sandbox, 'DELETE', '120210000000011202', { token });
    const ids = async (params: Record<string, string>) =>
      (await get(`${AUTO_CAMPAIGN}/ads`, { fields: 'id', ...params })).body.data.map((ad: { id: string }) => ad.id);
    expect(await ids({})).not.toContain('120210000000011202');
    expect(await ids({ filtering: JSON.stringify([{ field: 'ad.effective_status', operator: 'IN', value: ['DELETED'] }]) })).toEqual([
      '120210000000011202',
    ]);
  });

  it('answers updated_since on ad sets and ads, and is_completed on campaigns', async () => {
    const since = String(Math.floor(Date.parse(CLOCK_START) / 1000) - 8 * 86_400);
    const adsets = (await get(`${LIFE_ACT}/adsets`, { fields: 'id', updated_since: since })).body.data;
    expect(adsets.map((a: { id: string }) => a.id)).toEqual(['120210000000002102']);
    const completed = (await get(`${LIFE_ACT}/campaigns`, { fields: 'id', is_completed: 'true' })).body.data;
    expect(completed.map((c: { id: string }) => c.id)).toEqual(['120210000000000205']);
    expect((await get(`${LIFE_ACT}/ads`, { updated_since: 'yesterday' })).body.error.code).toBe(100);
  });

  it('uses the edge date_preset for nested insights and checks it', async () => {
    const week = (await get(`${ACT}/campaigns`, { fields: 'id,insights{spend,date_start,date_stop}', date_preset: 'last_7d', limit: '1' }))
      .body.data[0];
    expect(week.insights.data[0]).toMatchObject({ date_start: '2026-11-22', date_stop: '2026-11-28' });
    expect((await get(`${ACT}/campaigns`, { date_preset: 'last_fortnight' })).body.error.code).toBe(100);
  });

  it('charges the ads_management BUC and the account on every edge, with X-Ad-Account-Usage', async () => {
    for (const edge of ['campaigns', 'adsets', 'ads', 'adcreatives', 'adimages']) {
      let res = await get(`${ACT}/${edge}`);
      for (let i = 0; i < 3; i++) res = await get(`${ACT}/${edge}`);
      const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!);
      expect(buc[DEMO_IDS.adAccounts.autoHome]).toContainEqual(
        expect.objectContaining({ type: 'ads_management', ads_api_access_tier: 'development_access' }),
      );
      expect(JSON.parse(res.headers.get('x-ad-account-usage')!)).toHaveProperty('acc_id_util_pct');
    }
  });

  it('throttles with 80004 and the time to regain access once the BUC is spent', async () => {
    sandbox.control.throttle('ads_management', DEMO_IDS.adAccounts.autoHome);
    const res = await get(`${ACT}/ads`);
    expect(res.body.error).toMatchObject({ code: 80004, error_subcode: 2446079, is_transient: true });
    const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!)[DEMO_IDS.adAccounts.autoHome][0];
    expect(buc.estimated_time_to_regain_access).toBeGreaterThan(0);
    expect((await get(`${LIFE_ACT}/ads`)).status).toBe(200);
  });

  it('throttles with 613 when the ad account is over its own limit', async () => {
    sandbox.control.throttle('ad_account', DEMO_IDS.adAccounts.lifeHealth);
    const res = await get(`${LIFE_ACT}/campaigns`);
    expect(res.body.error).toMatchObject({ code: 613, error_subcode: 1487742 });
    expect(JSON.parse(res.headers.get('x-ad-account-usage')!).acc_id_util_pct).toBeGreaterThanOrEqual(100);
  });

  it('throttles with #17 (2446079) when the user is over their limit', async () => {
    sandbox.control.throttle('user', DEMO_IDS.userId);
    const res = await get(`${ACT}/adsets`);
    expect(res.body.error).toMatchObject({ code: 17, error_subcode: 2446079, message: '(#17) User request limit reached' });
    sandbox.control.throttle('user', DEMO_IDS.userId, false);
    expect((await get(`${ACT}/adsets`)).status).toBe(200);
  });
});
