import { ErrorCode, LeadStatus, type InsightRowDto, type InsightsPage, type InsightsSummaryDto } from '@legeai/contracts';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { auditActions, createOrganisationWithAdmin, signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';
import { insertFacts, insertInsightAccount, insertMirrorCampaign } from '../utils/insight-facts';
import { insertLead } from '../utils/lead-factory';

/**
 * The read side of MetaInsights against a real database: facts seeded as the pull stores them, leads in the lead
 * store, and the API's join of the two. Account act_111 is in Los Angeles (UTC−8 in November), in USD; act_222 in
 * Berlin, in EUR. The range is 10–12 November 2026; the previous period 7–9 November.
 */
const LA = 'act_111';
const EU = 'act_222';
const C1 = '9001';
const C2 = '9002';
const C3 = '9003';
const S1 = '9101';
const A1 = '9201';
const A2 = '9202';
const RANGE = 'since=2026-11-10&until=2026-11-12';
const base = '/v1/integrations/meta/insights';

describe('MetaInsights read side (e2e)', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let other: SignedInUser;

  const get = <T>(path: string, user: SignedInUser = viewer) =>
    t.http
      .get(path)
      .set(user.auth)
      .then((r) => {
        if (r.status !== 200) throw new Error(`${path} → ${r.status} ${JSON.stringify(r.body)}`);
        return r.body as T;
      });
  const rows = async (query: string, user: SignedInUser = viewer) => get<InsightsPage>(`${base}?${query}`, user);
  const row = (page: InsightsPage, objectId: string): InsightRowDto => page.items.find((i) => i.objectId === objectId)!;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    ({ admin, manager, viewer } = await signInAdminManagerViewer(t));
    other = (await createOrganisationWithAdmin(t, 'Rival Insurance')).admin;
    const org = admin.organisationId;
    const ds = t.dataSource;

    await insertInsightAccount(ds, org, LA, 'America/Los_Angeles', 'USD', new Date('2026-11-13T09:30:00Z'));
    await insertInsightAccount(ds, org, EU, 'Europe/Berlin', 'EUR', new Date('2026-11-13T08:00:00Z'));
    await insertMirrorCampaign(ds, org, LA, C1, 'Auto – Spring');
    await insertMirrorCampaign(ds, org, LA, C2, "=cmd|' /C calc'!A0");
    await insertMirrorCampaign(ds, org, EU, C3, 'Haus – Herbst');
    const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
    await insertFacts(ds, org, [
      {
        adAccountId: LA,
        level: 'account',
        objectId: LA,
        date: day(10),
        spend: 130,
        impressions: 13000,
        reach: 9000,
        clicks: 260,
        leads: 4,
      },
      {
        adAccountId: LA,
        level: 'campaign',
        objectId: C1,
        date: day(10),
        spend: 100,
        impressions: 10000,
        reach: 5000,
        clicks: 200,
        linkClicks: 150,
        leads: 4,
      },
      { adAccountId: LA, level: 'campaign', objectId: C1, date: day(11), spend: 50, impressions: 4000, reach: 3000, clicks: 80, leads: 2 },
      { adAccountId: LA, level: 'campaign', objectId: C1, date: day(12), spend: 50, impressions: 4000, reach: 3100, clicks: 70, leads: 1 },
      { adAccountId: LA, level: 'campaign', objectId: C1, date: day(8), spend: 80, impressions: 6000, reach: 4000, clicks: 90, leads: 2 },
      { adAccountId: LA, level: 'campaign', objectId: C2, date: day(10), spend: 30, impressions: 3000, reach: 2500, clicks: 60, leads: 0 },
      {
        adAccountId: EU,
        level: 'campaign',
        objectId: C3,
        date: day(10),
        spend: 50,
        impressions: 5000,
        clicks: 40,
        leads: 1,
        currency: 'EUR',
      },
      { adAccountId: LA, level: 'adset', objectId: S1, campaignId: C1, date: day(10), spend: 100, leads: 4 },
      { adAccountId: LA, level: 'ad', objectId: A1, campaignId: C1, adsetId: S1, date: day(10), spend: 60, leads: 3 },
      { adAccountId: LA, level: 'ad', objectId: A2, campaignId: C1, adsetId: S1, date: day(10), spend: 40, leads: 1 },
      {
        adAccountId: LA,
        level: 'campaign',
        breakdown: 'platform',
        breakdownKey: 'facebook',
        objectId: C1,
        date: day(10),
        spend: 70,
        leads: 3,
      },
      {
        adAccountId: LA,
        level: 'campaign',
        breakdown: 'platform',
        breakdownKey: 'instagram',
        objectId: C1,
        date: day(10),
        spend: 30,
        leads: 1,
      },
    ]);
    const lead = (receivedAt: string, status: LeadStatus, over: Record<string, unknown> = {}) =>
      insertLead(ds, org, { campaignId: C1, adsetId: S1, adId: A1, receivedAt: new Date(receivedAt), status, ...over });
    // Los Angeles days: 20:00Z on the 10th is noon on the 10th; 05:00Z on the 11th is still the 10th there.
    await lead('2026-11-10T20:00:00Z', LeadStatus.Won, { premiumValue: '1000.00', premiumCurrency: 'USD' });
    await lead('2026-11-11T05:00:00Z', LeadStatus.Qualified);
    await lead('2026-11-11T18:00:00Z', LeadStatus.Won, { premiumValue: '700.00', premiumCurrency: 'EUR' });
    // 06:00Z on the 13th is 22:00 on the 12th in Los Angeles: inside the range, though its UTC day is not.
    await lead('2026-11-13T06:00:00Z', LeadStatus.Quoted, { adId: A2 });
    // 07:00Z on the 10th is 23:00 on the 9th in Los Angeles: the previous period, though its UTC day is the 10th.
    await lead('2026-11-10T07:00:00Z', LeadStatus.Won, { adId: A2, premiumValue: '500.00', premiumCurrency: 'USD' });
    await lead('2026-11-10T21:00:00Z', LeadStatus.Won, { isOrganic: true, premiumValue: '9999.00', premiumCurrency: 'USD' });
    await lead('2026-11-10T22:00:00Z', LeadStatus.Won, { isTest: true, premiumValue: '8888.00', premiumCurrency: 'USD' });
    await lead('2026-11-10T10:00:00Z', LeadStatus.Won, {
      campaignId: C3,
      adsetId: null,
      adId: null,
      premiumValue: '2000.00',
      premiumCurrency: 'EUR',
    });

    // The other organisation has the same campaign id with its own facts and leads: never mixed in.
    await insertInsightAccount(ds, other.organisationId, LA, 'UTC', 'USD');
    await insertFacts(ds, other.organisationId, [
      { adAccountId: LA, level: 'campaign', objectId: C1, date: day(10), spend: 9999, leads: 99 },
    ]);
    await insertLead(ds, other.organisationId, { campaignId: C1, receivedAt: new Date('2026-11-10T20:00:00Z'), status: LeadStatus.Won });
  });
  afterAll(() => t?.close());

  describe('lead-to-revenue per object', () => {
    it('puts Meta leads and stored leads side by side, with CPL, cost per qualified and per won policy, premium and ROI', async () => {
      const page = await rows(`${RANGE}&level=campaign`);
      const c1 = row(page, C1);
      expect(c1).toMatchObject({ name: 'Auto – Spring', adAccountId: LA, currency: 'USD', breakdownKey: null });
      // Stored: won (USD 1000), qualified, won (premium in EUR: not added to a USD campaign), quoted. Organic,
      // test, and the lead of the 9th local time are not counted.
      expect(c1.metrics).toMatchObject({
        spend: 200,
        impressions: 18000,
        clicks: 350,
        metaLeads: 7,
        storedLeads: 4,
        qualifiedLeads: 4,
        wonPolicies: 2,
        premiumWon: 1000,
        revenue: 1000,
        cpl: 50,
        metaCpl: 28.5714,
        costPerQualified: 50,
        costPerWon: 100,
        roi: 4,
      });
      expect(row(page, C3).metrics).toMatchObject({ spend: 50, storedLeads: 1, wonPolicies: 1, premiumWon: 2000, roi: 39 });
      expect(row(page, C3).currency).toBe('EUR');
    });

    it('gives no value, not infinity, where there are no leads', async () => {
      const c2 = row(await rows(`${RANGE}&level=campaign`), C2);
      expect(c2.metrics).toMatchObject({
        spend: 30,
        storedLeads: 0,
        cpl: null,
        metaCpl: null,
        costPerQualified: null,
        costPerWon: null,
        roi: -1,
      });
    });

    it('buckets leads by the account-local day, not the UTC day', async () => {
      // Only the 12th: the quoted lead received at 06:00Z on the 13th is there.
      const twelfth = row(await rows('since=2026-11-12&until=2026-11-12&level=campaign'), C1);
      expect(twelfth.metrics).toMatchObject({ spend: 50, storedLeads: 1, qualifiedLeads: 1, wonPolicies: 0 });
      // The 9th holds the won lead of 07:00Z on the 10th.
      const ninth = (await rows('since=2026-11-09&until=2026-11-09&level=campaign')).items;
      expect(ninth).toEqual([]);
      const previous = row(await rows('since=2026-11-08&until=2026-11-09&level=campaign'), C1);
      expect(previous.metrics).toMatchObject({ spend: 80, storedLeads: 1, wonPolicies: 1, premiumWon: 500 });
    });

    it('joins ads and ad sets by their own attribution', async () => {
      const ads = await rows(`${RANGE}&level=ad&sort=name`);
      expect(ads.items.map((i) => i.objectId)).toEqual([A1, A2]);
      expect(row(ads, A1).metrics).toMatchObject({ spend: 60, storedLeads: 3, cpl: 20, wonPolicies: 2 });
      expect(row(ads, A1)).toMatchObject({ campaignId: C1, adsetId: S1, adId: A1, name: A1 });
      expect(row(ads, A2).metrics).toMatchObject({ spend: 40, storedLeads: 1, cpl: 40 });
      const adsets = await rows(`${RANGE}&level=adset`);
      expect(row(adsets, S1).metrics).toMatchObject({ spend: 100, storedLeads: 4, cpl: 25 });
    });

    it('reads reach from a stored row only: one object and one day, else null', async () => {
      expect(row(await rows('since=2026-11-10&until=2026-11-10&level=campaign'), C1).metrics.reach).toBe(5000);
      expect(row(await rows(`${RANGE}&level=campaign`), C1).metrics.reach).toBeNull();
      const oneDay = await get<InsightsSummaryDto>(`${base}/summary?since=2026-11-10&until=2026-11-10&adAccountId=${LA}`);
      expect(oneDay.totals.reach).toBe(9000);
      expect((await get<InsightsSummaryDto>(`${base}/summary?${RANGE}&adAccountId=${LA}`)).totals.reach).toBeNull();
    });

    it('keeps breakdowns as their own fact sets', async () => {
      const page = await rows(`${RANGE}&level=campaign&breakdown=platform&sort=spend`);
      expect(page.items.map((i) => [i.breakdownKey, i.metrics.spend, i.metrics.metaLeads])).toEqual([
        ['facebook', 70, 3],
        ['instagram', 30, 1],
      ]);
    });

    it('computes ROI on commission at the organisation rate once an admin chooses it', async () => {
      await t.http.put(`${base}/settings`).set(admin.auth).send({ roiBasis: 'commission', commissionRate: 0.1 }).expect(200, {
        roiBasis: 'commission',
        commissionRate: 0.1,
      });
      try {
        const c1 = row(await rows(`${RANGE}&level=campaign`), C1);
        expect(c1.metrics).toMatchObject({ premiumWon: 1000, revenue: 100, roi: -0.5 });
        const summary = await get<InsightsSummaryDto>(`${base}/summary?${RANGE}`);
        expect(summary).toMatchObject({ roiBasis: 'commission', commissionRate: 0.1 });
        expect(summary.totals.revenue).toBe(100);
        expect((await auditActions(t, admin.organisationId)).map((a) => a.action)).toContain('meta_insights.settings_updated');
      } finally {
        await t.http.put(`${base}/settings`).set(admin.auth).send({ roiBasis: 'premium', commissionRate: null }).expect(200);
      }
      expect(await get(`${base}/settings`)).toEqual({ roiBasis: 'premium', commissionRate: null });
    });
  });

  describe('the list', () => {
    it('compares with the previous period of the same length', async () => {
      const page = await rows(`${RANGE}&level=campaign&compare=previous`);
      expect(page.previousRange).toEqual({ since: '2026-11-07', until: '2026-11-09' });
      expect(row(page, C1).previous).toMatchObject({ spend: 80, storedLeads: 1, wonPolicies: 1, premiumWon: 500, roi: 5.25 });
      expect(row(page, C2).previous).toMatchObject({ spend: 0, storedLeads: 0, cpl: null, roi: null });
    });

    it('sorts by spend, ROI and CPL with no-value rows last, and pages', async () => {
      const bySpend = await rows(`${RANGE}&level=campaign&limit=1`);
      expect(bySpend).toMatchObject({ total: 3, limit: 1, offset: 0 });
      expect(bySpend.items.map((i) => i.objectId)).toEqual([C1]);
      expect((await rows(`${RANGE}&level=campaign&limit=1&offset=2`)).items.map((i) => i.objectId)).toEqual([C2]);
      expect((await rows(`${RANGE}&level=campaign&sort=roi`)).items.map((i) => i.objectId)).toEqual([C3, C1, C2]);
      expect((await rows(`${RANGE}&level=campaign&sort=roi&order=asc`)).items.map((i) => i.objectId)).toEqual([C2, C1, C3]);
      expect((await rows(`${RANGE}&level=campaign&sort=cpl&order=desc`)).items.map((i) => i.objectId)).toEqual([C1, C3, C2]);
      expect((await rows(`${RANGE}&level=campaign&ids=${C2},${C3}`)).items.map((i) => i.objectId)).toEqual([C3, C2]);
      expect((await rows(`${RANGE}&level=campaign&adAccountId=${EU}`)).items.map((i) => i.objectId)).toEqual([C3]);
    });

    it('downloads CSV with names defused against spreadsheet formulas and empty cells for no value', async () => {
      const res = await t.http.get(`${base}?${RANGE}&level=campaign&format=csv&compare=previous`).set(viewer.auth).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="insights-campaign-2026-11-10-2026-11-12.csv"');
      const text = res.text.replace(/^\uFEFF/, '');
      const lines = text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(4);
      const header = lines[0].split(',');
      expect(header.slice(0, 3)).toEqual(['Level', 'Id', 'Name']);
      expect(header).toContain('Previous ROI');
      const c2 = lines.find((l) => l.startsWith(`campaign,${C2},`))!;
      expect(c2).toContain(`,'=cmd|' /C calc'!A0,`);
      const cells = c2.split(',');
      expect(cells[header.indexOf('CPL')]).toBe('');
      expect(cells[header.indexOf('Spend')]).toBe('30');
    });
  });

  describe('the summary', () => {
    it('answers totals in one currency with the previous period, the daily series, the funnel and freshness', async () => {
      const s = await get<InsightsSummaryDto>(`${base}/summary?${RANGE}`);
      expect(s).toMatchObject({
        range: { since: '2026-11-10', until: '2026-11-12' },
        previousRange: { since: '2026-11-07', until: '2026-11-09' },
        adAccountIds: [LA, EU],
        currency: 'USD',
        otherCurrencies: ['EUR'],
        timeZone: 'America/Los_Angeles',
        attributionSetting: '7d_click_1d_view',
        dataAsOf: '2026-11-13T09:30:00.000Z',
        restatementWindowDays: 28,
        roiBasis: 'premium',
      });
      expect(s.totals).toMatchObject({ spend: 230, metaLeads: 7, storedLeads: 4, qualifiedLeads: 4, wonPolicies: 2, premiumWon: 1000 });
      expect(s.totals.roi).toBeCloseTo((1000 - 230) / 230, 4);
      expect(s.previous).toMatchObject({ spend: 80, storedLeads: 1, wonPolicies: 1, premiumWon: 500 });
      expect(s.daily).toEqual([
        { date: '2026-11-10', spend: 130, metaLeads: 4, storedLeads: 2 },
        { date: '2026-11-11', spend: 50, metaLeads: 2, storedLeads: 1 },
        { date: '2026-11-12', spend: 50, metaLeads: 1, storedLeads: 1 },
      ]);
      expect(s.funnel).toEqual({ impressions: 21000, clicks: 410, leads: 4, qualified: 4, won: 2 });
    });

    it('answers one account in its own currency and zone', async () => {
      const s = await get<InsightsSummaryDto>(`${base}/summary?${RANGE}&adAccountId=${EU}`);
      expect(s).toMatchObject({ adAccountIds: [EU], currency: 'EUR', timeZone: 'Europe/Berlin', otherCurrencies: [] });
      expect(s.totals).toMatchObject({ spend: 50, storedLeads: 1, wonPolicies: 1, premiumWon: 2000, roi: 39 });
    });

    it('answers zeros and no values for a range without facts', async () => {
      const s = await get<InsightsSummaryDto>(`${base}/summary?since=2025-01-01&until=2025-01-07`);
      expect(s.totals).toMatchObject({ spend: 0, storedLeads: 0, cpl: null, roi: null, costPerWon: null });
      expect(s.daily).toHaveLength(7);
    });
  });

  describe('access', () => {
    it('lets viewers read and only admins change the settings', async () => {
      await t.http.get(`${base}?${RANGE}`).expect(401);
      await t.http.get(`${base}/settings`).set(viewer.auth).expect(200);
      for (const user of [viewer, manager]) {
        await t.http.put(`${base}/settings`).set(user.auth).send({ roiBasis: 'premium', commissionRate: null }).expect(403);
      }
    });

    it("never shows another organisation's facts or leads", async () => {
      const mine = row(await rows(`${RANGE}&level=campaign`), C1);
      expect(mine.metrics.spend).toBe(200);
      const theirs = await rows(`${RANGE}&level=campaign`, other);
      expect(theirs.items.map((i) => [i.objectId, i.metrics.spend, i.metrics.storedLeads])).toEqual([[C1, 9999, 1]]);
      await t.http.get(`${base}/summary?${RANGE}&adAccountId=${EU}`).set(other.auth).expect(404);
      expect(await get(`${base}/settings`, other)).toEqual({ roiBasis: 'premium', commissionRate: null });
    });
  });

  it('reads the last 28 days when no range is given', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const since = new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10);
    expect((await rows('level=campaign')).range).toEqual({ since, until: today });
    expect((await get<InsightsSummaryDto>(`${base}/summary`)).range).toEqual({ since, until: today });
  });

  describe('bad input', () => {
    it.each([
      ['since without until', `${base}?since=2026-11-10&level=campaign`],
      ['until without since', `${base}/summary?until=2026-11-10`],
      ['an impossible date', `${base}?since=2026-02-30&until=2026-03-01`],
      ['a date with a time', `${base}?since=2026-11-10T00:00:00Z&until=2026-11-12`],
      ['until before since', `${base}?since=2026-11-12&until=2026-11-10`],
      ['more than 37 months', `${base}?since=2020-01-01&until=2026-11-12`],
      ['an unknown level', `${base}?${RANGE}&level=keyword`],
      ['an unknown breakdown', `${base}?${RANGE}&breakdown=device`],
      ['ids that are not Meta ids', `${base}?${RANGE}&ids=9001,abc`],
      ['a control character', `${base}?${RANGE}&ids=9001%00`],
      ['a limit of 0', `${base}?${RANGE}&limit=0`],
      ['a limit too large', `${base}?${RANGE}&limit=5000`],
      ['an offset in exponent form', `${base}?${RANGE}&offset=1e20`],
      ['an unknown sort', `${base}?${RANGE}&sort=ctr`],
      ['an unknown compare', `${base}?${RANGE}&compare=year`],
      ['an unknown format', `${base}?${RANGE}&format=xlsx`],
      ['a malformed account', `${base}/summary?${RANGE}&adAccountId=111`],
    ])('refuses %s with 400', async (_label, path) => {
      const res = await t.http.get(path).set(viewer.auth).expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    });

    it.each([
      ['commission without a rate', { roiBasis: 'commission', commissionRate: null }],
      ['a rate above 1', { roiBasis: 'commission', commissionRate: 1.5 }],
      ['a rate of 0', { roiBasis: 'commission', commissionRate: 0 }],
      ['an unknown basis', { roiBasis: 'profit', commissionRate: null }],
      ['a rate as text', { roiBasis: 'commission', commissionRate: '0.1' }],
    ])('refuses settings with %s', async (_label, body) => {
      const res = await t.http.put(`${base}/settings`).set(admin.auth).send(body).expect(400);
      expect(res.body.error.code).toBe(ErrorCode.ValidationFailed);
    });
  });
});
