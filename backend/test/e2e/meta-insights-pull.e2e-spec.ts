import { getQueueToken } from '@nestjs/bullmq';
import { DEMO_IDS } from '@legeai/meta-sandbox';
import { Role, type InsightAccountStateDto, type InsightPullDto, type InsightRowDto, type InsightsPage } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { META_INSIGHTS_JOBS, META_INSIGHTS_QUEUE_NAME } from '../../src/modules/meta-insights';
import { createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { connectOrganisation, waitForInsightsPulls } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(420_000);

const ACT = `act_${DEMO_IDS.adAccounts.autoHome}`; // America/New_York
const ACT2 = `act_${DEMO_IDS.adAccounts.lifeHealth}`; // America/Chicago
const ZONE: Record<string, string> = { [ACT]: 'America/New_York', [ACT2]: 'America/Chicago' };
const BACKFILL_DAYS = 45;

/** A calendar day in a time zone, computed here independently of the product. */
const localDay = (zone: string, at: Date = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Fact {
  level: string;
  breakdown: string;
  object_id: string;
  date: string;
  breakdown_key: string;
  campaign_id: string | null;
  adset_id: string | null;
  ad_id: string | null;
  spend: string;
  impressions: number;
  reach: number | null;
  clicks: number;
  link_clicks: number;
  leads: number;
  attribution_setting: string | null;
  first_pulled_at: Date;
  pulled_at: Date;
}

describe('MetaInsights pulls (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let queue: Queue;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  const base = '/v1/integrations/meta/insights';
  const http = () => env.t.http;
  const db = <T = any>(sql: string, params: unknown[] = []): Promise<T[]> => env.t.dataSource.query(sql, params);
  const control = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    fetch(`${env.sandbox.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${await r.text()}`);
      return r.json();
    });
  const lastSeq = () => env.sandbox.control.calls({ limit: 1_000_000 }).reduce((max, c) => Math.max(max, c.seq), 0);
  /** The account's sync insights reads since `seq` (the throttle tests read short ranges: sync). */
  const insightsReads = (act: string, seq: number) =>
    env.sandbox.control.calls({ sinceSeq: seq, limit: 100_000 }).filter((c) => c.path === `/${act}/insights`);
  /** Lets the pulls of earlier tests end, so that a test counts only its own pull's calls. */
  const idle = () => waitForInsightsPulls(env, env.admin.organisationId, 300_000);
  const facts = (act: string, where = 'TRUE', params: unknown[] = []) =>
    db<Fact>(
      `SELECT level, breakdown, object_id, to_char(date, 'YYYY-MM-DD') AS date, breakdown_key, campaign_id, adset_id, ad_id,
              spend::text AS spend, impressions::int, reach::int, clicks::int, link_clicks::int, leads, attribution_setting,
              first_pulled_at, pulled_at
         FROM meta_insight_facts WHERE organisation_id = $1 AND ad_account_id = $2 AND ${where}`,
      [env.admin.organisationId, act, ...params],
    );
  const pulls = async (query: Record<string, string | number> = {}): Promise<InsightPullDto[]> =>
    (
      await http()
        .get(`${base}/pulls`)
        .query({ limit: 200, ...query })
        .set(viewer.auth)
        .expect(200)
    ).body.items;
  const accounts = async (): Promise<InsightAccountStateDto[]> => (await http().get(`${base}/accounts`).set(viewer.auth).expect(200)).body;
  const pullOf = async (id: string) => (await pulls()).find((p) => p.id === id)!;
  const ended = (id: string, timeoutMs = 240_000) =>
    waitFor(
      `pull ${id}`,
      async () => {
        const pull = await pullOf(id);
        return pull.status === 'succeeded' || pull.status === 'failed' ? pull : undefined;
      },
      timeoutMs,
    );
  const pullNow = async (body: Record<string, string>): Promise<InsightPullDto> => {
    const res = await http().post(`${base}/pulls`).set(manager.auth).send(body).expect(202);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ trigger: 'on_demand', status: 'queued', adAccountId: body.adAccountId });
    return res.body[0];
  };

  beforeAll(async () => {
    env = await startMetaTestEnv({
      seed: 'meta-insights-e2e',
      fastGraphPauses: true,
      env: {
        INSIGHTS_BACKFILL_DAYS: String(BACKFILL_DAYS),
        INSIGHTS_LOOKBACK_DAYS: '28',
        INSIGHTS_ASYNC_ABOVE_DAYS: '7',
        INSIGHTS_REPORT_POLL_MS: '300',
        // The base pause of a throttled pull (doubling each time): short, so the test sees it pause and resume.
        META_RATE_LIMIT_PAUSE_MS: '2000',
      },
    });
    queue = env.t.app.get<Queue>(getQueueToken(META_INSIGHTS_QUEUE_NAME));
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    // Report runs of two seconds instead of Meta's minutes.
    await control('PUT', '/marketing/insights/report-runs', { durationSeconds: 2 });
    await connectOrganisation(env);
  });
  afterAll(() => env?.close());

  describe('backfill on connect', () => {
    let backfills: InsightPullDto[];

    beforeAll(async () => {
      backfills = await waitFor(
        'the backfills queued by the connect',
        async () => {
          const done = (await pulls({ trigger: 'backfill' })).filter((p) => p.status === 'succeeded' || p.status === 'failed');
          return done.length === 2 ? done : undefined;
        },
        180_000,
      );
    });

    it('backfills each ad account over its own last days, one async report run per report, and records the account state', async () => {
      for (const act of [ACT, ACT2]) {
        const pull = backfills.find((p) => p.adAccountId === act)!;
        const today = localDay(ZONE[act]);
        expect(pull).toMatchObject({
          status: 'succeeded',
          error: null,
          range: { since: plusDays(today, -(BACKFILL_DAYS - 1)), until: today },
          // Four levels plainly, and three breakdowns at account and campaign level.
          asyncRuns: 10,
          splits: 0,
          rowsRestated: 0,
        });
        // Each run: the request, its polls, its pages; plus the account's zone, currency and attribution read once.
        expect(pull.graphRequests).toBeGreaterThanOrEqual(1 + 10 * 3);
        const stored = await facts(act);
        expect(pull.rowsWritten).toBe(stored.length);
        expect(stored.length).toBeGreaterThan(500);
      }
      const states = await accounts();
      for (const act of [ACT, ACT2]) {
        const pull = backfills.find((p) => p.adAccountId === act)!;
        expect(states.find((s) => s.adAccountId === act)).toMatchObject({
          timeZone: ZONE[act],
          currency: 'USD',
          attributionSetting: '7d_click_1d_view',
          backfilledSince: pull.range.since,
          throttledUntil: null,
          lastError: null,
          dataAsOf: expect.any(String),
        });
      }
      const connect = (
        await db(`SELECT details FROM audit_log WHERE organisation_id = $1 AND action = 'meta.connected'`, [env.admin.organisationId])
      )[0];
      expect(connect?.details).toMatchObject({ insightsPullsQueued: 2, insightsBackfills: 2 });
    });

    it('stores each level with its ancestors, the attribution setting used, and the breakdowns at account and campaign level', async () => {
      const stored = await facts(ACT);
      const sets = new Set(stored.map((f) => `${f.level}:${f.breakdown}`));
      expect([...sets].sort()).toEqual(
        [
          'account:none',
          'campaign:none',
          'adset:none',
          'ad:none',
          'account:platform',
          'account:age_gender',
          'account:region',
          'campaign:platform',
          'campaign:age_gender',
          'campaign:region',
        ].sort(),
      );
      for (const f of stored) {
        expect(f.attribution_setting).toBe('7d_click_1d_view');
        switch (f.level) {
          case 'account':
            expect([f.object_id, f.campaign_id, f.adset_id, f.ad_id]).toEqual([ACT, null, null, null]);
            break;
          case 'campaign':
            expect([f.object_id, f.adset_id, f.ad_id]).toEqual([f.campaign_id, null, null]);
            break;
          case 'adset':
            expect(f.campaign_id).not.toBeNull();
            expect([f.object_id, f.ad_id]).toEqual([f.adset_id, null]);
            break;
          case 'ad':
            expect(f.campaign_id && f.adset_id).toBeTruthy();
            expect(f.object_id).toBe(f.ad_id);
        }
      }
      const keys = (breakdown: string) => new Set(stored.filter((f) => f.breakdown === breakdown).map((f) => f.breakdown_key));
      expect(keys('platform')).toEqual(new Set(['facebook', 'instagram', 'audience_network', 'messenger']));
      expect(keys('age_gender')).toContain('25-34 · female');
      expect(keys('region')).toContain('New Jersey');
      // Breakdowns split the day: spend adds up to the plain fact (within rounding), so they are kept apart.
      const day = stored.find((f) => f.level === 'account' && f.breakdown === 'none' && Number(f.spend) > 10)!;
      const platformSpend = stored
        .filter((f) => f.level === 'account' && f.breakdown === 'platform' && f.date === day.date)
        .reduce((sum, f) => sum + Number(f.spend), 0);
      expect(platformSpend).toBeCloseTo(Number(day.spend), 1);
      // Meta's lead actions are stored: the demo's ads brought leads.
      expect(stored.filter((f) => f.level === 'ad').reduce((sum, f) => sum + f.leads, 0)).toBeGreaterThan(20);
    });

    it("stores reach as Meta reports it per level, never the sum of the ads' reach", async () => {
      // Settled days only: the last three are still restated between two reads, and each level is read at its own moment.
      const stored = await facts(ACT, `breakdown = 'none' AND date < $3`, [plusDays(localDay(ZONE[ACT]), -3)]);
      const ads = stored.filter((f) => f.level === 'ad');
      const campaignDays = stored.filter((f) => f.level === 'campaign');
      let compared = 0;
      for (const campaign of campaignDays) {
        const parts = ads.filter((f) => f.campaign_id === campaign.object_id && f.date === campaign.date);
        if (parts.length < 2) continue;
        compared++;
        const sumReach = parts.reduce((sum, f) => sum + (f.reach ?? 0), 0);
        expect(campaign.reach).not.toBeNull();
        expect(campaign.reach!).toBeLessThan(sumReach);
        expect(campaign.reach!).toBeGreaterThanOrEqual(Math.max(...parts.map((f) => f.reach ?? 0)));
        // Impressions do add up: only reach is deduplicated per level.
        expect(campaign.impressions).toBe(parts.reduce((sum, f) => sum + f.impressions, 0));
      }
      expect(compared).toBeGreaterThan(10);
      const accountDay = stored.find(
        (f) => f.level === 'account' && stored.filter((c) => c.level === 'campaign' && c.date === f.date).length > 1,
      )!;
      const campaignReach = campaignDays.filter((c) => c.date === accountDay.date).reduce((sum, f) => sum + (f.reach ?? 0), 0);
      expect(accountDay.reach!).toBeLessThan(campaignReach);
    });
  });

  describe('re-pulls', () => {
    it('updates a restated day in place, without a duplicate row, and keeps what each value was', async () => {
      // A settled day Meta may still restate (the last 28), of an ad that had leads.
      const today = localDay(ZONE[ACT]);
      const [ad] = (
        await facts(ACT, `level = 'ad' AND breakdown = 'none' AND date BETWEEN $3 AND $4 AND leads > 0`, [
          plusDays(today, -20),
          plusDays(today, -4),
        ])
      ).sort((a, b) => b.date.localeCompare(a.date) || a.object_id.localeCompare(b.object_id));
      expect(ad).toBeDefined();
      const date = ad.date;
      const [campaignBefore] = await facts(ACT, `level = 'campaign' AND breakdown = 'none' AND object_id = $3 AND date = $4`, [
        ad.campaign_id,
        date,
      ]);
      const countBefore = (await facts(ACT)).length;
      // What the insights API answers for that ad and day, before and after: the cost per lead follows the restated values.
      const adInsights = async (): Promise<InsightRowDto['metrics']> => {
        const res = await env.t.http
          .get('/v1/integrations/meta/insights')
          .query({ level: 'ad', ids: ad.object_id, since: date, until: date })
          .set(env.admin.auth)
          .expect(200);
        return (res.body as InsightsPage).items[0].metrics;
      };
      const metricsBefore = await adInsights();
      expect(metricsBefore.metaLeads).toBe(ad.leads);

      await control('POST', '/marketing/insights/restate', { date, adId: ad.object_id, spendFactor: 1.5, leadsDelta: 2 });
      const queued = await pullNow({ adAccountId: ACT, since: plusDays(date, -1), until: plusDays(date, 1) });
      const pull = await ended(queued.id);
      expect(pull).toMatchObject({ status: 'succeeded', range: { since: plusDays(date, -1), until: plusDays(date, 1) }, asyncRuns: 0 });
      expect(pull.rowsRestated).toBeGreaterThanOrEqual(2);

      const [after] = await facts(ACT, `level = 'ad' AND breakdown = 'none' AND object_id = $3 AND date = $4`, [ad.object_id, date]);
      expect(after.leads).toBe(ad.leads + 2);
      expect(Number(after.spend)).toBeGreaterThan(Number(ad.spend) * 1.45);
      expect(after.first_pulled_at).toEqual(ad.first_pulled_at);
      expect(after.pulled_at.getTime()).toBeGreaterThan(ad.pulled_at.getTime());
      const [campaignAfter] = await facts(ACT, `level = 'campaign' AND breakdown = 'none' AND object_id = $3 AND date = $4`, [
        ad.campaign_id,
        date,
      ]);
      expect(campaignAfter.leads).toBe(campaignBefore.leads + 2);
      expect((await facts(ACT)).length).toBe(countBefore);
      const metricsAfter = await adInsights();
      expect(metricsAfter.spend).toBeCloseTo(Number(after.spend), 2);
      expect(metricsAfter.metaLeads).toBe(ad.leads + 2);
      expect(metricsAfter.metaCpl).toBeCloseTo(Number(after.spend) / (ad.leads + 2), 2);
      expect(metricsAfter.metaCpl).not.toBeCloseTo(metricsBefore.metaCpl!, 2);
      if (metricsBefore.storedLeads > 0) expect(metricsAfter.cpl).toBeCloseTo(Number(after.spend) / metricsBefore.storedLeads, 2);

      const history = await db(
        `SELECT level, breakdown, breakdown_key, changes, pull_id FROM meta_insight_restatements
          WHERE organisation_id = $1 AND ad_account_id = $2 AND object_id = $3 AND date = $4`,
        [env.admin.organisationId, ACT, ad.object_id, date],
      );
      expect(history).toEqual([
        {
          level: 'ad',
          breakdown: 'none',
          breakdown_key: '',
          pull_id: pull.id,
          changes: expect.objectContaining({
            leads: { from: ad.leads, to: ad.leads + 2 },
            spend: { from: Number(ad.spend), to: Number(after.spend) },
          }),
        },
      ]);
      // A second pull of the same days finds nothing new to restate for that ad.
      const again = await ended((await pullNow({ adAccountId: ACT, since: date, until: date })).id);
      expect(again.status).toBe('succeeded');
      const [still] = await facts(ACT, `level = 'ad' AND breakdown = 'none' AND object_id = $3 AND date = $4`, [ad.object_id, date]);
      expect(still.leads).toBe(after.leads);
      expect(
        (await db(`SELECT count(*)::int AS n FROM meta_insight_restatements WHERE object_id = $1 AND date = $2`, [ad.object_id, date]))[0]
          .n,
      ).toBe(1);
    });

    it('runs a failed report run again as the two halves of its range, and fails with the day when one day alone still fails', async () => {
      const today = localDay(ZONE[ACT]);
      await control('PUT', '/marketing/insights/report-runs', { fail: 1 });
      const split = await ended((await pullNow({ adAccountId: ACT, since: plusDays(today, -20), until: plusDays(today, -1) })).id);
      expect(split).toMatchObject({ status: 'succeeded', splits: 1, asyncRuns: 12, error: null });
      // The account level, whose first run failed, still has every day of the range.
      const accountDays = new Set(
        (
          await facts(ACT, `level = 'account' AND breakdown = 'none' AND date BETWEEN $3 AND $4`, [
            plusDays(today, -20),
            plusDays(today, -1),
          ])
        ).map((f) => f.date),
      );
      expect(accountDays.size).toBe(20);

      await control('PUT', '/marketing/insights/report-runs', { fail: 1000 });
      try {
        const failed = await ended((await pullNow({ adAccountId: ACT, since: plusDays(today, -30), until: plusDays(today, -23) })).id);
        // 8 days → 4 → 2 → 1, each failing: three splits, four runs, then the pull fails naming the day.
        expect(failed).toMatchObject({ status: 'failed', splits: 3, asyncRuns: 4 });
        expect(failed.error).toContain(`insights report of ${plusDays(today, -30)}`);
        expect((await accounts()).find((s) => s.adAccountId === ACT)?.lastError).toBe(failed.error);
      } finally {
        await control('PUT', '/marketing/insights/report-runs', { fail: 0 });
      }
    });
  });

  describe("Meta's insights throttle", () => {
    beforeEach(idle);
    afterEach(() => control('DELETE', '/marketing/insights/throttle'));

    it('pauses the pull when Meta refuses insights calls, makes no call while paused, and resumes when the throttle lifts', async () => {
      await control('PUT', '/marketing/insights/throttle', { accountId: ACT2, accountPct: 100, code: 4 });
      const seq = lastSeq();
      const today = localDay(ZONE[ACT2]);
      const queued = await pullNow({ adAccountId: ACT2, since: plusDays(today, -2), until: today });
      const paused = await waitFor('a paused pull', async () => {
        const state = (await accounts()).find((s) => s.adAccountId === ACT2)!;
        const pull = await pullOf(queued.id);
        return state.throttledUntil && pull.status === 'queued' && pull.error ? { state, pull } : undefined;
      });
      expect(paused.pull.error).toMatch(/insights throttle/);
      expect(paused.state.lastError).toMatch(/insights throttle/);
      const [job] = (await queue.getJobs(['delayed'])).filter(
        (j) => j.name === META_INSIGHTS_JOBS.pullAccount && j.data.pullId === queued.id,
      );
      expect(job).toBeDefined();
      expect(job.attemptsMade).toBe(0);

      // Six seconds of Meta saying no: the pull asks again after 2 s, then after 4 s (each pause twice the last), never in a loop.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const refused = insightsReads(ACT2, seq);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeLessThanOrEqual(3);
      expect(refused.every((c) => c.errorCode === 4)).toBe(true);
      // Still paused, neither failed nor done: queued between two asks (read right at an ask, it is running).
      await waitFor('the pull queued again', async () => ((await pullOf(queued.id)).status === 'queued' ? true : undefined), 3_000);

      await control('DELETE', '/marketing/insights/throttle');
      const done = await ended(queued.id, 60_000);
      expect(done).toMatchObject({ status: 'succeeded', error: null });
      expect((await accounts()).find((s) => s.adAccountId === ACT2)).toMatchObject({ throttledUntil: null, lastError: null });
      expect((await queue.getJobs(['failed'])).filter((j) => j.data.pullId === queued.id)).toEqual([]);
    });

    it('pauses before Meta refuses when x-fb-ads-insights-throttle reaches the threshold', async () => {
      await control('PUT', '/marketing/insights/throttle', { accountId: ACT2, accountPct: 97, code: 4 });
      const seq = lastSeq();
      const today = localDay(ZONE[ACT2]);
      const queued = await pullNow({ adAccountId: ACT2, since: plusDays(today, -1), until: today });
      await waitFor('a paused pull', async () => ((await pullOf(queued.id)).error?.includes('97 %') ? true : undefined));
      const calls = insightsReads(ACT2, seq);
      // The one answer that carried the header at 97 %, and nothing after it.
      expect(calls).toHaveLength(1);
      expect(calls[0].status).toBe(200);
      await control('DELETE', '/marketing/insights/throttle');
      expect(await ended(queued.id, 60_000)).toMatchObject({ status: 'succeeded' });
    });
  });

  describe("the account's time zone", () => {
    it('buckets a lead submitted in the Chicago evening on the Chicago day, though it is already the next day in UTC', async () => {
      // Move the sandbox to 01:30 UTC of the next UTC day: 19:30 or 20:30 of the same day in Chicago.
      const now = new Date(env.sandbox.control.now());
      const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1, 30));
      env.sandbox.control.advanceClock(target.getTime() - now.getTime());
      const chicagoDay = localDay('America/Chicago', target);
      const utcDay = target.toISOString().slice(0, 10);
      expect(chicagoDay).not.toBe(utcDay);

      const pullDays = { adAccountId: ACT2, since: plusDays(chicagoDay, -1), until: utcDay };
      const first = await ended((await pullNow(pullDays)).id);
      expect(first.status).toBe('succeeded');
      const leadsOn = async (date: string) =>
        (await facts(ACT2, `level = 'account' AND breakdown = 'none' AND date = $3`, [date]))[0]?.leads ?? 0;
      const before = await leadsOn(chicagoDay);

      const created = env.sandbox.control.createLeads({ formId: DEMO_IDS.forms.life, count: 3, organic: false });
      expect(created).toHaveLength(3);
      const second = await ended((await pullNow(pullDays)).id);
      expect(second.status).toBe('succeeded');
      expect(await leadsOn(chicagoDay)).toBe(before + 3);
      // Nothing is filed under the UTC day: the account's day has not ended yet.
      expect(await facts(ACT2, `date = $3`, [utcDay])).toEqual([]);
    });
  });

  describe('API', () => {
    it('answers bad input with a 400 envelope, refuses viewers, and 404s an account the organisation cannot reach', async () => {
      for (const body of [
        { adAccountId: 'x1' },
        { since: '2026-11-01' },
        { since: '2026-02-30', until: '2026-03-02' },
        { since: '2026-11-10', until: '2026-11-01' },
        { since: '2020-01-01', until: '2026-11-01' },
        { since: '2026-11-01', until: '2999-01-01' },
        { since: '2026-11-01\u0000', until: '2026-11-02' },
        { unknown: true },
      ]) {
        const res = await http().post(`${base}/pulls`).set(manager.auth).send(body);
        expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
        expect(res.body.error.code).toMatch(/validation_failed|bad_request/);
      }
      await http().post(`${base}/pulls`).set(viewer.auth).send({}).expect(403);
      await http().post(`${base}/pulls`).set(manager.auth).send({ adAccountId: 'act_999' }).expect(404);
      await http().get(`${base}/pulls`).query({ limit: 500 }).set(viewer.auth).expect(400);
      await http().get(`${base}/pulls`).query({ status: 'nope' }).set(viewer.auth).expect(400);
    });

    it('pages the recent pulls, newest first, filtered by account and trigger', async () => {
      const page = (await http().get(`${base}/pulls`).query({ adAccountId: ACT, limit: 2, offset: 1 }).set(viewer.auth).expect(200)).body;
      expect(page).toMatchObject({ limit: 2, offset: 1 });
      expect(page.total).toBeGreaterThanOrEqual(4); // the backfill, and the re-pulls above
      expect(page.items).toHaveLength(2);
      expect(page.items.every((p: InsightPullDto) => p.adAccountId === ACT)).toBe(true);
      expect(Date.parse(page.items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(page.items[1].createdAt));
      const backfills = await pulls({ trigger: 'backfill' });
      expect(backfills.map((p) => p.trigger)).toEqual(['backfill', 'backfill']);
    });

    it('queues one pull per active account without a range, over the lookback window, and widens a pull not started yet', async () => {
      await queue.pause();
      try {
        const res = await http().post(`${base}/pulls`).set(manager.auth).send({}).expect(202);
        const queued: InsightPullDto[] = res.body;
        expect(queued.map((p) => p.adAccountId).sort()).toEqual([ACT, ACT2].sort());
        for (const pull of queued) expect(pull).toMatchObject({ trigger: 'on_demand', status: 'queued' });
        const first = queued.find((p) => p.adAccountId === ACT)!;
        expect(first.range.since).toBe(plusDays(first.range.until, -27));
        // A second trigger while the first waits: the same pull, its range grown to cover both.
        const wider = (
          await http()
            .post(`${base}/pulls`)
            .set(manager.auth)
            .send({ adAccountId: ACT, since: plusDays(first.range.since, -5), until: plusDays(first.range.since, -3) })
            .expect(202)
        ).body;
        expect(wider).toEqual([
          expect.objectContaining({ id: first.id, range: { since: plusDays(first.range.since, -5), until: first.range.until } }),
        ]);
      } finally {
        await queue.resume();
      }
      await waitFor('the queued pulls to end', async () => ((await pulls({ status: 'queued' })).length === 0 ? true : undefined), 120_000);
    });

    it("the schedule's tick queues a refresh of each account's yesterday and today, read sync", async () => {
      await idle();
      await queue.add(META_INSIGHTS_JOBS.pullAll, { trigger: 'today' });
      const today = await waitFor(
        'the refreshes of today',
        async () => {
          const found = await pulls({ trigger: 'today' });
          return found.length === 2 && found.every((p) => p.status === 'succeeded') ? found : undefined;
        },
        240_000,
      );
      for (const pull of today) {
        const day = localDay(ZONE[pull.adAccountId]);
        expect(pull).toMatchObject({ range: { since: plusDays(day, -1), until: day }, asyncRuns: 0, splits: 0 });
        // Ten reports of two days: one page each.
        expect(pull.graphRequests).toBe(10);
      }
    });
  });
});
