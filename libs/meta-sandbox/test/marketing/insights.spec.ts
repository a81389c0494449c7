import { DEMO_IDS, RunningSandbox } from '../../src';
import { startTestSandbox } from '../support/test-sandbox';
import { graph } from '../support/graph';
import { loginAs } from '../support/login';
import { ACT, AUTO_AD, AUTO_CAMPAIGN, CLOCK_START, longLived } from './marketing-fixtures';

/** Local dates of the auto/home account (UTC-5) relative to the fixed clock start (10:00 local). */
const TODAY = '2026-11-29';
const YESTERDAY = '2026-11-28';
const range = (since: string, until: string) => JSON.stringify({ since, until });

describe('Marketing API: insights', () => {
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

  const insights = (path: string, params: Record<string, string>) => graph(sandbox, 'GET', `${path}/insights`, { token, params });
  const sum = (rows: Record<string, string>[], field: string) => rows.reduce((total, row) => total + Number(row[field]), 0);

  describe('sync reads', () => {
    it('answers one account row with string metrics and the requested dates', async () => {
      const res = await insights(ACT, {
        fields: 'account_id,impressions,reach,frequency,clicks,spend,cpc,cpm,ctr',
        time_range: range('2026-10-01', '2026-10-31'),
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      const row = res.body.data[0];
      expect(row).toMatchObject({ account_id: DEMO_IDS.adAccounts.autoHome, date_start: '2026-10-01', date_stop: '2026-10-31' });
      for (const field of ['impressions', 'reach', 'clicks', 'spend', 'cpc', 'cpm', 'ctr', 'frequency'])
        expect(typeof row[field]).toBe('string');
      expect(row.spend).toMatch(/^\d+\.\d{2}$/);
      expect(Number(row.reach)).toBeLessThan(Number(row.impressions));
      expect(Number(row.cpm)).toBeCloseTo((Number(row.spend) / Number(row.impressions)) * 1000, 3);
    });

    it('returns a row per campaign at level=campaign with names', async () => {
      const res = await insights(ACT, { level: 'campaign', fields: 'campaign_id,campaign_name,spend', date_preset: 'last_30d' });
      const ids = res.body.data.map((row: { campaign_id: string }) => row.campaign_id).sort();
      // 107 ended thirty days ago, on the first day of the range; 106 was paused six days ago.
      expect(ids).toEqual(['101', '102', '103', '104', '105', '106', '107', '108'].map((n) => `120210000000000${n}`));
      expect(res.body.data.find((row: { campaign_id: string }) => row.campaign_id === AUTO_CAMPAIGN).campaign_name).toBe(
        'Auto quotes – Always on',
      );
    });

    it('splits by day with time_increment=1 and omits days before the campaign started (2026-10-02)', async () => {
      const res = await insights(`120210000000000202`, {
        fields: 'impressions',
        time_range: range('2026-09-01', '2026-10-15'),
        time_increment: '1',
        limit: '100',
      });
      const dates = res.body.data.map((row: { date_start: string }) => row.date_start);
      expect(dates[0]).toBe('2026-10-02');
      expect(dates.every((date: string, i: number) => i === 0 || date > dates[i - 1])).toBe(true);
      expect(res.body.data.every((row: { date_start: string; date_stop: string }) => row.date_start === row.date_stop)).toBe(true);
    });

    it('splits by calendar month with time_increment=monthly', async () => {
      const res = await insights(ACT, { fields: 'spend', time_range: range('2026-08-15', '2026-10-31'), time_increment: 'monthly' });
      expect(res.body.data.map((row: { date_start: string; date_stop: string }) => [row.date_start, row.date_stop])).toEqual([
        ['2026-08-15', '2026-08-31'],
        ['2026-09-01', '2026-09-30'],
        ['2026-10-01', '2026-10-31'],
      ]);
    });

    it('weekly buckets add up to the all_days total', async () => {
      const params = { fields: 'impressions,clicks', time_range: range('2026-10-01', '2026-10-28') };
      const total = (await insights(ACT, params)).body.data[0];
      const weeks = (await insights(ACT, { ...params, time_increment: '7' })).body.data;
      expect(weeks).toHaveLength(4);
      expect(sum(weeks, 'impressions')).toBe(Number(total.impressions));
      expect(sum(weeks, 'clicks')).toBe(Number(total.clicks));
    });

    it('breaks down by age and gender, with the parts adding up to the total', async () => {
      const params = { fields: 'impressions,spend', time_range: range('2026-10-01', '2026-10-07') };
      const total = (await insights(AUTO_CAMPAIGN, params)).body.data[0];
      const rows = (await insights(AUTO_CAMPAIGN, { ...params, breakdowns: '["age","gender"]', limit: '100' })).body.data;
      expect(rows[0]).toEqual(expect.objectContaining({ age: expect.any(String), gender: expect.any(String) }));
      expect(new Set(rows.map((row: { age: string }) => row.age))).toEqual(new Set(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']));
      expect(sum(rows, 'impressions')).toBe(Number(total.impressions));
      expect(sum(rows, 'spend')).toBeCloseTo(Number(total.spend), 2);
    });

    it('breaks down by publisher_platform', async () => {
      const rows = (await insights(ACT, { fields: 'impressions', breakdowns: 'publisher_platform', date_preset: 'last_7d' })).body.data;
      expect(rows.map((row: { publisher_platform: string }) => row.publisher_platform).sort()).toEqual([
        'audience_network',
        'facebook',
        'instagram',
        'messenger',
      ]);
    });

    it('refuses an unknown breakdown and mixed breakdown families', async () => {
      expect((await insights(ACT, { breakdowns: '["zodiac"]' })).body.error.code).toBe(100);
      expect((await insights(ACT, { breakdowns: '["age","publisher_platform"]' })).body.error.message).toContain('combination');
    });

    it('counts instant-form leads as lead, onsite_conversion.lead_grouped and leadgen_grouped, with costs', async () => {
      const row = (await insights(AUTO_CAMPAIGN, { fields: 'spend,actions,cost_per_action_type', date_preset: 'last_90d' })).body.data[0];
      const action = (type: string) => row.actions.find((entry: { action_type: string }) => entry.action_type === type)?.value;
      expect(Number(action('lead'))).toBeGreaterThan(0);
      expect(action('onsite_conversion.lead_grouped')).toBe(action('lead'));
      expect(action('leadgen_grouped')).toBe(action('lead'));
      const cost = row.cost_per_action_type.find((entry: { action_type: string }) => entry.action_type === 'lead').value;
      expect(Number(cost)).toBeCloseTo(Number(row.spend) / Number(action('lead')), 4);
    });

    it('counts the same ad leads the leads API serves for a settled day', async () => {
      const leads = (
        await graph(sandbox, 'GET', `${DEMO_IDS.forms.auto}/leads`, { token, params: { fields: 'ad_id,created_time', limit: '500' } })
      ).body.data;
      const local = (iso: string) => new Date(Date.parse(iso.replace('+0000', 'Z')) - 5 * 3_600_000).toISOString().slice(0, 10);
      const days = new Map<string, number>();
      for (const lead of leads)
        if (lead.ad_id === AUTO_AD) days.set(local(lead.created_time), (days.get(local(lead.created_time)) ?? 0) + 1);
      const [date, count] = [...days.entries()].find(([day]) => day < '2026-11-20')!;
      const row = (await insights(AUTO_AD, { fields: 'actions', time_range: range(date, date) })).body.data[0];
      expect(row.actions.find((entry: { action_type: string }) => entry.action_type === 'lead').value).toBe(String(count));
    });

    it('shows new ad leads in today’s numbers', async () => {
      const leadsToday = async () => {
        const row = (await insights('120210000000000102', { fields: 'actions', date_preset: 'today' })).body.data[0];
        return Number(row?.actions?.find((entry: { action_type: string }) => entry.action_type === 'lead')?.value ?? 0);
      };
      const before = await leadsToday();
      sandbox.control.createLeads({ formId: DEMO_IDS.forms.home, count: 3, organic: false });
      expect(await leadsToday()).toBe(before + 3);
    });

    it('is the same history for the same seed and a different one for another seed', async () => {
      const params = { fields: 'impressions,spend,clicks', time_range: range('2026-09-01', '2026-09-30') };
      const first = (await insights(ACT, params)).body.data;
      sandbox.control.reset();
      token = await loginAs(sandbox);
      expect((await insights(ACT, params)).body.data).toEqual(first);
      sandbox.control.reset({ seed: 'another-seed' });
      token = await loginAs(sandbox);
      expect((await insights(ACT, params)).body.data).not.toEqual(first);
    });

    it('restates the last days as the clock moves while older days stay frozen', async () => {
      token = await longLived(sandbox, token);
      const day = (date: string) =>
        insights(ACT, { fields: 'impressions,spend', time_range: range(date, date) }).then((r) => r.body.data[0]);
      const recentBefore = await day(YESTERDAY);
      const oldBefore = await day('2026-11-10');
      sandbox.control.advanceClock(12 * 3_600_000);
      expect(await day(YESTERDAY)).not.toEqual(recentBefore);
      expect(await day('2026-11-10')).toEqual(oldBefore);
    });

    it('restates unsettled days on demand from the control surface', async () => {
      const day = () =>
        insights(ACT, { fields: 'impressions', time_range: range(YESTERDAY, YESTERDAY) }).then((r) => r.body.data[0].impressions);
      const before = await day();
      const restated = await fetch(`${sandbox.url}/__sandbox/insights/restate`, { method: 'POST' });
      expect(restated.status).toBe(200);
      expect(await day()).not.toBe(before);
    });

    it('reports only part of today', async () => {
      const today = (await insights(ACT, { fields: 'impressions', date_preset: 'today' })).body.data[0];
      const settled = (await insights(ACT, { fields: 'impressions', time_range: range('2026-11-20', '2026-11-20') })).body.data[0];
      expect(today.date_start).toBe(TODAY);
      expect(Number(today.impressions)).toBeLessThan(Number(settled.impressions));
    });

    it('leaves reach out of sync breakdown queries starting over 13 months ago', async () => {
      const rows = (
        await insights(ACT, { fields: 'impressions,reach', breakdowns: '["age"]', time_range: range('2025-09-01', '2026-11-01') })
      ).body.data;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row: Record<string, string>) => row['reach'] === undefined && row['impressions'] !== undefined)).toBe(true);
    });

    it('refuses ranges older than 37 months with 3018', async () => {
      expect((await insights(ACT, { time_range: range('2023-01-01', '2023-02-01') })).body.error.code).toBe(3018);
    });

    it('refuses a bad date_preset, time_range and time_increment with 100', async () => {
      expect((await insights(ACT, { date_preset: 'last_2_fortnights' })).body.error.code).toBe(100);
      expect((await insights(ACT, { time_range: range('2026-11-10', '2026-11-01') })).body.error.code).toBe(100);
      expect((await insights(ACT, { time_increment: '91' })).body.error.code).toBe(100);
    });

    it('refuses an unknown field', async () => {
      expect((await insights(ACT, { fields: 'impressions,happiness' })).body.error.message).toContain('(happiness)');
    });

    it('pages ad-level daily rows with cursors', async () => {
      const params = {
        level: 'ad',
        fields: 'ad_id,impressions',
        time_range: range('2026-11-01', '2026-11-10'),
        time_increment: '1',
        limit: '10',
      };
      const first = await insights(ACT, params);
      expect(first.body.data).toHaveLength(10);
      expect(first.body.paging.next).toContain('after=');
      const second = await insights(ACT, { ...params, after: first.body.paging.cursors.after });
      expect(second.body.data[0]).not.toEqual(first.body.data[0]);
    });

    it('counts against ads_insights and sends x-fb-ads-insights-throttle', async () => {
      let res = await insights(ACT, { fields: 'spend' });
      for (let i = 0; i < 3; i++) res = await insights(ACT, { fields: 'spend' });
      const buc = JSON.parse(res.headers.get('x-business-use-case-usage')!);
      expect(buc[DEMO_IDS.adAccounts.autoHome][0].type).toBe('ads_insights');
      expect(JSON.parse(res.headers.get('x-fb-ads-insights-throttle')!)).toHaveProperty('acc_id_util_pct');
    });

    it('expands insights inside fields', async () => {
      const res = await graph(sandbox, 'GET', AUTO_CAMPAIGN, {
        token,
        params: { fields: 'name,insights.date_preset(last_7d){spend,impressions}' },
      });
      expect(res.body.insights.data[0]).toEqual(expect.objectContaining({ spend: expect.any(String), date_start: expect.any(String) }));
    });
  });

  describe('async report runs', () => {
    const poll = (id: string) =>
      graph(sandbox, 'GET', id, { token, params: { fields: 'id,async_status,async_percent_completion,date_start,date_stop' } });

    it('queues, runs as the clock moves, completes, and serves the same rows as a sync read', async () => {
      const params = { level: 'campaign', fields: 'campaign_id,impressions,spend', time_range: range('2026-10-01', '2026-10-31') };
      const queued = await graph(sandbox, 'POST', `${ACT}/insights`, { token, params });
      expect(queued.body.report_run_id).toMatch(/^\d+$/);
      const id = queued.body.report_run_id;
      expect((await poll(id)).body).toMatchObject({
        async_status: 'Job Not Started',
        async_percent_completion: 0,
        date_start: '2026-10-01',
      });
      expect((await graph(sandbox, 'GET', `${id}/insights`, { token })).body.error.code).toBe(100);
      sandbox.control.advanceClock(2_500);
      const running = (await poll(id)).body;
      expect(running.async_status).toBe('Job Running');
      sandbox.control.advanceClock(120_000);
      expect((await poll(id)).body).toMatchObject({ async_status: 'Job Completed', async_percent_completion: 100 });
      const rows = await graph(sandbox, 'GET', `${id}/insights`, { token, params: { limit: '500' } });
      const sync = await insights(ACT, params);
      expect(rows.body.data).toEqual(sync.body.data);
    });

    it('ends in Job Failed with error details when the control surface says so', async () => {
      await fetch(`${sandbox.url}/__sandbox/insights/report-failures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"count":1}',
      });
      const queued = await graph(sandbox, 'POST', `${AUTO_CAMPAIGN}/insights`, { token, params: { date_preset: 'last_7d' } });
      sandbox.control.advanceClock(120_000);
      const run = await graph(sandbox, 'GET', queued.body.report_run_id, {
        token,
        params: { fields: 'async_status,error_code,error_subcode,error_user_msg' },
      });
      expect(run.body).toMatchObject({ async_status: 'Job Failed', error_code: -2, error_subcode: 2490547 });
    });

    it('validates the params when queueing', async () => {
      const res = await graph(sandbox, 'POST', `${ACT}/insights`, { token, params: { time_increment: 'weekly' } });
      expect(res.body.error.code).toBe(100);
    });
  });
});
