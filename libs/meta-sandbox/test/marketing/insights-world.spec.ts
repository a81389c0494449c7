import { DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_CAMPAIGN, CLOCK_START, longLived } from './marketing-fixtures';

const LIFE_ACT = `act_${DEMO_IDS.adAccounts.lifeHealth}`;
const range = (since: string, until: string) => JSON.stringify({ since, until });
const sum = (rows: Record<string, string>[], field: string) => rows.reduce((total, row) => total + Number(row[field] ?? 0), 0);
const action = (row: { actions?: { action_type: string }[] } | undefined, type = 'lead') =>
  row?.actions?.find((entry) => entry.action_type === type) as Record<string, string> | undefined;

/** A calendar day in a time zone, computed here independently of the sandbox. */
const localDay = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso.replace('+0000', 'Z')),
  );

/** MetaInsights' view: facts that agree with the leads, per level and breakdown, plus the knobs a sync must survive. */
describe('Marketing API: insights that tell the same story as the leads', () => {
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
  const insights = (path: string, params: Record<string, string>) => get(`${path}/insights`, params);
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  async function allRows(path: string, params: Record<string, string>): Promise<any[]> {
    let page = (await insights(path, { ...params, limit: '500' })).body;
    const rows = [...page.data];
    while (page.paging?.next) {
      page = (await (await fetch(page.paging.next)).json()) as any;
      rows.push(...page.data);
    }
    return rows;
  }

  describe('leads and time zones', () => {
    it('counts, per ad and day of each account’s zone, exactly the leads the API serves, across the switch from daylight time', async () => {
      const since = '2026-10-15';
      const until = '2026-11-20';
      for (const [account, zone, forms] of [
        [ACT, 'America/New_York', [DEMO_IDS.forms.auto, DEMO_IDS.forms.home, DEMO_IDS.forms.autoSpanish]],
        [LIFE_ACT, 'America/Chicago', [DEMO_IDS.forms.life, DEMO_IDS.forms.health, DEMO_IDS.forms.lifeJapanese]],
      ] as const) {
        const held = new Map<string, number>();
        for (const formId of forms) {
          for (const lead of (await get(`${formId}/leads`, { fields: 'ad_id,created_time', limit: '500' })).body.data) {
            const day = localDay(lead.created_time, zone);
            if (!lead.ad_id || day < since || day > until) continue;
            held.set(`${lead.ad_id}|${day}`, (held.get(`${lead.ad_id}|${day}`) ?? 0) + 1);
          }
        }
        const rows = await allRows(account, { level: 'ad', fields: 'ad_id,actions', time_range: range(since, until), time_increment: '1' });
        const reported = new Map<string, number>();
        for (const row of rows) {
          const leads = Number(action(row)?.['value'] ?? 0);
          if (leads > 0) reported.set(`${row.ad_id}|${row.date_start}`, leads);
        }
        expect(held.size).toBeGreaterThan(10);
        expect(reported).toEqual(held);
      }
    });

    it('gives the Chicago account its current offset, daylight saving included', async () => {
      expect((await get(LIFE_ACT, { fields: 'timezone_name,timezone_offset_hours_utc' })).body).toMatchObject({
        timezone_name: 'America/Chicago',
        timezone_offset_hours_utc: -6,
      });
      const summer = await startTestSandbox({ clockStart: '2026-07-01T12:00:00Z' });
      try {
        const summerToken = await loginAs(summer);
        expect(
          (await graph(summer, 'GET', LIFE_ACT, { token: summerToken, params: { fields: 'timezone_offset_hours_utc' } })).body
            .timezone_offset_hours_utc,
        ).toBe(-5);
      } finally {
        await summer.close();
      }
    });

    it('counts leads created now in today’s numbers of the ad that got them', async () => {
      const created = sandbox.control.createLeads({ formId: DEMO_IDS.forms.life, count: 12, organic: false });
      const byAd = new Map<string, number>();
      for (const lead of (await get(`${DEMO_IDS.forms.life}/leads`, { fields: 'id,ad_id', limit: '50' })).body.data) {
        if (created.some((entry) => entry.id === lead.id) && lead.ad_id) byAd.set(lead.ad_id, (byAd.get(lead.ad_id) ?? 0) + 1);
      }
      expect(byAd.size).toBeGreaterThan(1);
      const today = localDay(new Date(Date.parse(CLOCK_START)).toISOString().replace('Z', '+0000'), 'America/Chicago');
      const rows = await allRows(LIFE_ACT, { level: 'ad', fields: 'ad_id,actions', time_range: range(today, today) });
      for (const [adId, count] of byAd) {
        const row = rows.find((entry) => entry.ad_id === adId);
        expect(Number(action(row)?.['value'])).toBeGreaterThanOrEqual(count);
      }
    });
  });

  describe('levels and breakdowns', () => {
    const params = { fields: 'impressions,reach,clicks,spend', time_range: range('2026-11-02', '2026-11-08') };

    it('reports a campaign’s reach below the sum of its ads’ reach and at least the largest of them', async () => {
      const campaign = (await insights(AUTO_CAMPAIGN, params)).body.data[0];
      const ads = (await insights(AUTO_CAMPAIGN, { ...params, level: 'ad' })).body.data;
      expect(ads.length).toBeGreaterThan(2);
      expect(Number(campaign.impressions)).toBe(sum(ads, 'impressions'));
      expect(Number(campaign.reach)).toBeLessThan(sum(ads, 'reach'));
      expect(Number(campaign.reach)).toBeGreaterThanOrEqual(Math.max(...ads.map((row: { reach: string }) => Number(row.reach))));
      const account = (await insights(ACT, params)).body.data[0];
      const campaigns = (await insights(ACT, { ...params, level: 'campaign' })).body.data;
      expect(Number(account.reach)).toBeLessThan(sum(campaigns, 'reach'));
    });

    it('splits by publisher_platform with spend, impressions and clicks adding up and reach overlapping', async () => {
      const total = (await insights(ACT, params)).body.data[0];
      const rows = (await insights(ACT, { ...params, breakdowns: '["publisher_platform"]' })).body.data;
      expect(sum(rows, 'impressions')).toBe(Number(total.impressions));
      expect(sum(rows, 'clicks')).toBe(Number(total.clicks));
      expect(sum(rows, 'spend')).toBeCloseTo(Number(total.spend), 2);
      expect(sum(rows, 'reach')).toBeGreaterThan(Number(total.reach));
    });

    it('splits by region and by age and gender with the counts adding up', async () => {
      const total = (await insights(LIFE_ACT, params)).body.data[0];
      const regions = (await insights(LIFE_ACT, { ...params, breakdowns: '["region"]' })).body.data;
      expect(regions.every((row: { region?: string }) => typeof row.region === 'string')).toBe(true);
      expect(sum(regions, 'impressions')).toBe(Number(total.impressions));
      const demo = await allRows(LIFE_ACT, { ...params, breakdowns: '["age","gender"]' });
      expect(sum(demo, 'clicks')).toBe(Number(total.clicks));
    });
  });

  describe('attribution', () => {
    it('adds per-window counts to each action; view windows Meta dropped stay empty', async () => {
      const row = (
        await insights(ACT, {
          fields: 'actions',
          date_preset: 'last_90d',
          action_attribution_windows: '["1d_click","7d_click","1d_view","7d_view","default"]',
        })
      ).body.data[0];
      const lead = action(row)!;
      expect(Number(lead['1d_click']) + Number(lead['1d_view'] ?? 0)).toBe(Number(lead['value']));
      expect(lead['7d_click']).toBe(lead['1d_click']);
      expect(lead['default']).toBe(lead['value']);
      expect(lead['7d_view']).toBeUndefined();
      expect(Number(lead['1d_view'])).toBeGreaterThan(0);
    });

    it('counts only click-through leads for ad sets that attribute on clicks, with use_unified_attribution_setting', async () => {
      const clickOnly = JSON.stringify([{ event_type: 'CLICK_THROUGH', window_days: 1 }]);
      for (const adset of (await get(`${ACT}/adsets`, { fields: 'id', limit: '100' })).body.data) {
        expect((await graph(sandbox, 'POST', adset.id, { token, params: { attribution_spec: clickOnly } })).body).toEqual({
          success: true,
        });
      }
      const windows = action(
        (await insights(ACT, { fields: 'actions', date_preset: 'last_90d', action_attribution_windows: '["1d_view"]' })).body.data[0],
      )!;
      const unified = action(
        (await insights(ACT, { fields: 'actions', date_preset: 'last_90d', use_unified_attribution_setting: 'true' })).body.data[0],
      )!;
      const account = action(
        (await insights(ACT, { fields: 'actions', date_preset: 'last_90d', use_account_attribution_setting: 'true' })).body.data[0],
      )!;
      expect(Number(unified['value'])).toBe(Number(windows['value']) - Number(windows['1d_view']));
      expect(account['value']).toBe(windows['value']);
      const adsetRow = (
        await insights(ACT, {
          level: 'adset',
          fields: 'attribution_setting',
          date_preset: 'last_7d',
          use_unified_attribution_setting: 'true',
        })
      ).body.data[0];
      expect(adsetRow.attribution_setting).toBe('1d_click');
    });

    it('shows the account’s attribution setting', async () => {
      expect((await get(ACT, { fields: 'attribution_spec' })).body.attribution_spec).toEqual([
        { event_type: 'CLICK_THROUGH', window_days: 7 },
        { event_type: 'VIEW_THROUGH', window_days: 1 },
      ]);
    });
  });

  describe('restating a day', () => {
    const day = '2026-11-20';
    const ad = '120210000000012101';
    const read = async () => (await insights(ad, { fields: 'spend,actions', time_range: range(day, day) })).body.data[0];

    it('scales a day’s spend and moves its conversions within the last 28 days, and leaves other days alone', async () => {
      const before = await read();
      const other = (await insights(ad, { fields: 'spend', time_range: range('2026-11-19', '2026-11-19') })).body.data[0];
      const restated = await control('POST', '/marketing/insights/restate', { date: day, adId: ad, spendFactor: 0.5, leadsDelta: 2 });
      expect(restated.status).toBe(200);
      const after = await read();
      expect(Number(after.spend)).toBeCloseTo(Number(before.spend) / 2, 0);
      expect(Number(action(after)?.['value'] ?? 0)).toBe(Number(action(before)?.['value'] ?? 0) + 2);
      expect((await insights(ad, { fields: 'spend', time_range: range('2026-11-19', '2026-11-19') })).body.data[0]).toEqual(other);
    });

    it('refuses days Meta no longer restates and incomplete requests', async () => {
      expect((await control('POST', '/marketing/insights/restate', { date: '2026-10-01', adId: ad, spendFactor: 0.5 })).status).toBe(400);
      expect((await control('POST', '/marketing/insights/restate', { date: day, spendFactor: 0.5 })).status).toBe(400);
      expect((await control('POST', '/marketing/insights/restate', { date: day, accountId: ACT, leadsDelta: 1 })).status).toBe(400);
    });
  });

  describe('throttling', () => {
    it('shows forced utilization in x-fb-ads-insights-throttle', async () => {
      await control('PUT', '/marketing/insights/throttle', { accountId: ACT, accountPct: 92, appPct: 40, code: 4 });
      const res = await insights(ACT, { fields: 'spend' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.headers.get('x-fb-ads-insights-throttle')!)).toMatchObject({ app_id_util_pct: 40, acc_id_util_pct: 92 });
    });

    it.each([
      [4, { code: 4, error_subcode: 1504022, error_user_title: 'Too Many API Requests' }],
      [17, { code: 17, error_subcode: 2446079 }],
      [80000, { code: 80000, error_subcode: 2446079 }],
    ])('refuses insights with %s at 100 %%, sync and async, until released', async (code, error) => {
      await control('PUT', '/marketing/insights/throttle', { accountId: ACT, accountPct: 100, code });
      expect((await insights(ACT, { fields: 'spend' })).body.error).toMatchObject({ ...error, is_transient: true });
      expect((await graph(sandbox, 'POST', `${ACT}/insights`, { token, params: { fields: 'spend' } })).body.error).toMatchObject(error);
      expect((await insights(LIFE_ACT, { fields: 'spend' })).status).toBe(200);
      await control('DELETE', '/marketing/insights/throttle');
      expect((await insights(ACT, { fields: 'spend' })).status).toBe(200);
    });

    it('sends the BUC header with a time to regain access when ads_insights is spent', async () => {
      await control('PUT', '/marketing/insights/throttle', { accountId: ACT, accountPct: 100, code: 80000 });
      const res = await insights(ACT, { fields: 'spend' });
      const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!)[DEMO_IDS.adAccounts.autoHome][0];
      expect(buc).toMatchObject({ type: 'ads_insights', estimated_time_to_regain_access: expect.any(Number) });
      expect(buc.estimated_time_to_regain_access).toBeGreaterThan(0);
    });
  });

  describe('async report runs', () => {
    const queue = async (params: Record<string, string> = { fields: 'spend', date_preset: 'last_7d' }) =>
      (await graph(sandbox, 'POST', `${ACT}/insights`, { token, params })).body.report_run_id as string;
    const status = async (id: string) => (await get(id, { fields: 'async_status,async_percent_completion' })).body;

    it('skips the next run when asked', async () => {
      await control('PUT', '/marketing/insights/report-runs', { skip: 1 });
      const id = await queue();
      sandbox.control.advanceClock(120_000);
      expect((await status(id)).async_status).toBe('Job Skipped');
      expect((await get(`${id}/insights`)).body.error.code).toBe(100);
    });

    it('makes runs slow', async () => {
      await control('PUT', '/marketing/insights/report-runs', { durationSeconds: 600 });
      const id = await queue();
      sandbox.control.advanceClock(300_000);
      expect(await status(id)).toMatchObject({ async_status: 'Job Running', async_percent_completion: expect.any(Number) });
      sandbox.control.advanceClock(301_000);
      expect((await status(id)).async_status).toBe('Job Completed');
    });

    it('fails a given running job', async () => {
      const id = await queue();
      sandbox.control.advanceClock(2_000);
      expect((await control('POST', `/marketing/insights/report-runs/${id}`, { outcome: 'failed' })).status).toBe(200);
      sandbox.control.advanceClock(120_000);
      expect((await get(id, { fields: 'async_status,error_code,error_subcode' })).body).toMatchObject({
        async_status: 'Job Failed',
        error_code: -2,
        error_subcode: 2490547,
      });
    });

    it('serves two accounts × 1,000 ads × 730 days of ad-level daily facts page by page, the same on every read', async () => {
      for (const accountId of Object.values(DEMO_IDS.adAccounts)) {
        sandbox.control.marketing.buildLargeAccount({ accountId, campaigns: 50, adsetsPerCampaign: 5, adsPerAdset: 4, historyDays: 730 });
      }
      const params = { level: 'ad', fields: 'ad_id,spend,impressions,actions', date_preset: 'maximum', time_increment: '1' };
      expect((await insights(LIFE_ACT, params)).body.error).toMatchObject({ code: 1, error_subcode: 99 });
      const id = (await graph(sandbox, 'POST', `${LIFE_ACT}/insights`, { token, params })).body.report_run_id;
      sandbox.control.advanceClock(120_000);
      expect((await status(id)).async_status).toBe('Job Completed');
      const first = (await get(`${id}/insights`, { limit: '500' })).body;
      expect(first.data).toHaveLength(500);
      expect(first.data[0]).toEqual(
        expect.objectContaining({ ad_id: expect.any(String), spend: expect.any(String), date_start: first.data[0].date_stop }),
      );
      let page = first;
      for (let i = 0; i < 5; i++) page = (await (await fetch(page.paging.next)).json()) as any;
      expect(page.data).toHaveLength(500);
      expect(page.data[0].date_start >= first.data[0].date_start).toBe(true);
      const again = (await get(`${id}/insights`, { limit: '500', after: first.paging.cursors.after })).body;
      const second = (await (await fetch(first.paging.next)).json()) as any;
      expect(again.data).toEqual(second.data);
    });
  });
});
