import { getQueueToken } from '@nestjs/bullmq';
import { DEMO_IDS } from '@legeai/meta-sandbox';
import { ADS_ERROR_CODES, ErrorCode, Role, type AdAccountSyncStateDto, type CreateLeadCampaignRequest } from '@legeai/contracts';
import type { Queue } from 'bullmq';
import { MetaGraphClient } from '../../src/infra/meta-graph';
import { META_ADS_JOBS, META_ADS_QUEUE_NAME } from '../../src/modules/meta-ads';
import { auditActions, createUserAndLogin, SignedInUser } from '../utils/identity-fixtures';
import { insertFacts } from '../utils/insight-facts';
import { connectOrganisation } from '../utils/meta-connect-fixtures';
import { MetaTestEnv, startMetaTestEnv } from '../utils/meta-test-env';
import { waitFor } from '../utils/wait-for';

jest.setTimeout(180_000);

const ACT = `act_${DEMO_IDS.adAccounts.autoHome}`;
const ACT2 = `act_${DEMO_IDS.adAccounts.lifeHealth}`;
const AUTO_CAMPAIGN = '120210000000000101';
const HOME_CAMPAIGN = '120210000000000102';
const HOME_ADSET = '120210000000001201';
const HOME_AD = '120210000000012101';
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

type Audit = { action: string; target_id: string | null; actor_type: string; details: Record<string, any> };

describe('MetaAds (e2e, sandbox over HTTP)', () => {
  let env: MetaTestEnv;
  let queue: Queue;
  let manager: SignedInUser;
  let viewer: SignedInUser;
  let keys = 0;
  const key = () => `e2e-key-${++keys}-${Date.now()}`;

  const http = () => env.t.http;
  const base = '/v1/integrations/meta';
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
  // Insights report runs (POST …/insights, queued by the insights schedules) are reads, not the ads' writes.
  const graphWrites = (since: number) =>
    env.sandbox.control.calls({ sinceSeq: since, limit: 100_000 }).filter((c) => c.method !== 'GET' && !c.path.endsWith('/insights'));
  const states = async (user: SignedInUser = env.admin): Promise<AdAccountSyncStateDto[]> =>
    (await http().get(`${base}/campaigns/sync`).set(user.auth).expect(200)).body;
  const stateOf = async (act: string) => (await states()).find((s) => s.adAccountId === act)!;
  const audits = async (): Promise<Audit[]> => (await auditActions(env.t, env.admin.organisationId)) as Audit[];

  /** Waits until the account's sync ended well after `after`. */
  async function synced(act: string, after = new Date(0)): Promise<AdAccountSyncStateDto> {
    return waitFor(`sync of ${act}`, async () => {
      const s = await stateOf(act);
      return s?.state === 'ok' && s.lastSyncedAt && new Date(s.lastSyncedAt) > after ? s : undefined;
    });
  }
  async function syncNow(act: string): Promise<AdAccountSyncStateDto> {
    const before = new Date((await stateOf(act)).lastSyncedAt ?? 0);
    await http()
      .post(`${base}/campaigns/sync`)
      .set(manager.auth)
      .send({ adAccountId: act })
      .expect(202, { queued: [act] });
    return synced(act, before);
  }
  const sandboxCounts = async (act: string) =>
    (
      ((await control('GET', '/marketing')) as { adAccounts: unknown }).adAccounts as {
        id: string;
        campaigns: number;
        adsets: number;
        ads: number;
      }[]
    ).find((a) => a.id === act)!;

  const draft = (change: (d: CreateLeadCampaignRequest) => void = () => undefined): CreateLeadCampaignRequest => {
    const d: CreateLeadCampaignRequest = {
      adAccountId: ACT,
      campaign: { name: 'E2E – Auto leads' },
      adSet: {
        name: 'E2E – US adults',
        pageId: DEMO_IDS.pages.main,
        optimizationGoal: 'QUALITY_LEAD',
        budget: { type: 'daily', amountMinor: 2500 },
        targeting: { countries: ['US'] },
      },
      ad: {
        name: 'E2E – Auto ad',
        leadFormId: DEMO_IDS.forms.auto,
        imageBase64: PNG,
        primaryText: 'Compare auto quotes from local carriers.',
        headline: 'Auto insurance in 5 minutes',
        callToAction: 'SIGN_UP',
      },
    };
    change(d);
    return d;
  };
  const create = (body: unknown, idempotencyKey: string | null = key(), user = manager) => {
    const req = http().post(`${base}/campaigns`).set(user.auth);
    if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
    return req.send(body as object);
  };

  beforeAll(async () => {
    env = await startMetaTestEnv({ seed: 'meta-ads-e2e', fastGraphPauses: true });
    queue = env.t.app.get<Queue>(getQueueToken(META_ADS_QUEUE_NAME));
    manager = await createUserAndLogin(env.t, env.admin, Role.Manager);
    viewer = await createUserAndLogin(env.t, env.admin, Role.Viewer);
    await connectOrganisation(env);
  });
  afterAll(() => env?.close());
  afterEach(() => control('DELETE', '/faults'));

  describe('sync', () => {
    it('mirrors every ad account once connected, at the paging floor: one request per edge', async () => {
      for (const act of [ACT, ACT2]) {
        const state = await synced(act);
        const sandbox = await sandboxCounts(act);
        expect(state.counts).toEqual({ campaigns: sandbox.campaigns, adSets: sandbox.adsets, ads: sandbox.ads });
        expect(state.counts.campaigns).toBeGreaterThan(5);
        expect(state.lastRequests).toBe(3);
      }
      const connect = (await audits()).find((a) => a.action === 'meta.connected');
      expect(connect?.details.adAccountSyncsQueued).toBe(2);
    });

    it('syncs every active ad account when the schedule ticks (sync-all), one sync per account', async () => {
      const before = new Map<string, Date>();
      for (const act of [ACT, ACT2]) before.set(act, new Date((await synced(act)).lastSyncedAt!));
      // What a tick of the meta-ads:sync-all schedule adds (app.schedules.ts): the job, due now.
      await queue.add(META_ADS_JOBS.syncAll, {});
      for (const act of [ACT, ACT2]) await synced(act, before.get(act));
      const all = (await queue.getJobs(['completed'])).filter((j) => j.name === META_ADS_JOBS.syncAll);
      expect(all.length).toBeGreaterThan(0);
      expect(await queue.getJobs(['failed'])).toEqual([]);
    });

    it('lists campaigns, ad sets and ads with the stored fields, filters, sorting and paging', async () => {
      const all = (await http().get(`${base}/campaigns`).query({ limit: 200 }).set(viewer.auth).expect(200)).body;
      expect(all.total).toBe(15);
      const auto = all.items.find((c: any) => c.campaignId === AUTO_CAMPAIGN);
      expect(auto).toMatchObject({
        adAccountId: ACT,
        objective: 'OUTCOME_LEADS',
        specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
        specialAdCategoryCountry: ['US'],
        dailyBudgetMinor: 6000,
        currency: 'USD',
        adSetCount: 2,
        adCount: 4,
      });
      const traffic = (await http().get(`${base}/campaigns`).query({ objective: 'OUTCOME_TRAFFIC' }).set(viewer.auth).expect(200)).body;
      expect(traffic.items.map((c: any) => c.objective)).toEqual(['OUTCOME_TRAFFIC']);
      const page = (
        await http()
          .get(`${base}/campaigns`)
          .query({ adAccountId: ACT, sort: 'budget', order: 'desc', limit: 2, offset: 1 })
          .set(viewer.auth)
          .expect(200)
      ).body;
      expect(page).toMatchObject({ limit: 2, offset: 1 });
      expect(page.items).toHaveLength(2);
      expect(page.items.every((c: any) => c.adAccountId === ACT)).toBe(true);
      const adSets = (await http().get(`${base}/adsets`).query({ campaignId: HOME_CAMPAIGN }).set(viewer.auth).expect(200)).body;
      expect(adSets.items.map((s: any) => s.adSetId).sort()).toEqual([HOME_ADSET, '120210000000001202']);
      expect(adSets.items.find((s: any) => s.adSetId === HOME_ADSET)).toMatchObject({
        dailyBudgetMinor: 3500,
        destinationType: 'ON_AD',
        pageId: DEMO_IDS.pages.main,
        targeting: { regions: ['New Jersey', 'New York'], ageMin: 18, ageMax: 65, genders: [] },
      });
      const ads = (await http().get(`${base}/ads`).query({ adSetId: HOME_ADSET }).set(viewer.auth).expect(200)).body;
      expect(ads.items.find((a: any) => a.adId === HOME_AD)).toMatchObject({
        leadFormId: DEMO_IDS.forms.home,
        leadFormName: expect.any(String),
        creative: { headline: 'Ready for storm season?' },
      });
      const refused = (await http().get(`${base}/ads`).query({ effectiveStatus: 'DISAPPROVED' }).set(viewer.auth).expect(200)).body;
      expect(refused.total).toBeGreaterThanOrEqual(1);
      expect(refused.items[0].problems[0]).toMatchObject({ kind: 'review_rejected', title: 'Unrealistic Outcomes' });
    });

    it('sorts, filters and pages ad sets and ads as it does campaigns', async () => {
      const list = async (edge: 'adsets' | 'ads', query: Record<string, unknown>) =>
        (await http().get(`${base}/${edge}`).query(query).set(viewer.auth).expect(200)).body;
      for (const edge of ['adsets', 'ads'] as const) {
        const asc = await list(edge, { adAccountId: ACT, sort: 'name', limit: 100 });
        const names: string[] = asc.items.map((o: any) => o.name);
        expect(names.length).toBeGreaterThan(2);
        expect(asc.total).toBe(names.length);
        expect(asc.items.every((o: any) => o.adAccountId === ACT)).toBe(true);
        const desc = await list(edge, { adAccountId: ACT, sort: 'name', order: 'desc', limit: 100 });
        expect(desc.items.map((o: any) => o.name)).toEqual([...names].reverse());
        const page = await list(edge, { adAccountId: ACT, sort: 'name', limit: 2, offset: 1 });
        expect(page).toMatchObject({ total: names.length, limit: 2, offset: 1 });
        expect(page.items.map((o: any) => o.name)).toEqual(names.slice(1, 3));
        const active = await list(edge, { adAccountId: ACT, status: 'ACTIVE', limit: 100 });
        expect(active.items.length).toBeGreaterThan(0);
        expect(active.items.every((o: any) => o.status === 'ACTIVE')).toBe(true);
      }
      // The objective is the campaign's: ad sets of traffic campaigns only.
      const traffic = (await http().get(`${base}/campaigns`).query({ objective: 'OUTCOME_TRAFFIC' }).set(viewer.auth).expect(200)).body;
      const trafficIds = new Set(traffic.items.map((c: any) => c.campaignId));
      const trafficSets = await list('adsets', { objective: 'OUTCOME_TRAFFIC', limit: 100 });
      expect(trafficSets.items.length).toBeGreaterThan(0);
      expect(trafficSets.items.every((s: any) => trafficIds.has(s.campaignId))).toBe(true);
    });

    it('shows changes made in Ads Manager after the next sync: pause, rename, budget, delete', async () => {
      await control('PATCH', `/marketing/objects/${HOME_CAMPAIGN}`, { status: 'PAUSED', name: 'Home – paused in Ads Manager' });
      await control('PATCH', `/marketing/objects/${HOME_ADSET}`, { dailyBudget: 4200 });
      await control('DELETE', `/marketing/objects/${HOME_AD}`);
      await syncNow(ACT);
      const [campaign] = (await http().get(`${base}/campaigns`).query({ q: 'paused in Ads' }).set(viewer.auth).expect(200)).body.items;
      expect(campaign).toMatchObject({ campaignId: HOME_CAMPAIGN, status: 'PAUSED', effectiveStatus: 'PAUSED' });
      const adSet = (await http().get(`${base}/adsets`).query({ campaignId: HOME_CAMPAIGN }).set(viewer.auth).expect(200)).body.items.find(
        (s: any) => s.adSetId === HOME_ADSET,
      );
      expect(adSet).toMatchObject({ dailyBudgetMinor: 4200, effectiveStatus: 'CAMPAIGN_PAUSED' });
      const live = (await http().get(`${base}/ads`).query({ adSetId: HOME_ADSET }).set(viewer.auth).expect(200)).body.items.map(
        (a: any) => a.adId,
      );
      expect(live).not.toContain(HOME_AD);
      const deleted = (await http().get(`${base}/ads`).query({ adSetId: HOME_ADSET, status: 'DELETED' }).set(viewer.auth).expect(200)).body
        .items;
      expect(deleted.map((a: any) => [a.adId, a.status])).toEqual([[HOME_AD, 'DELETED']]);
    });

    it('pauses on ads_management throttling until the regain time, without failing or spending an attempt, then completes', async () => {
      await control('POST', '/throttle', { scope: 'ads_management', objectId: DEMO_IDS.adAccounts.lifeHealth, on: true });
      await http().post(`${base}/campaigns/sync`).set(manager.auth).send({ adAccountId: ACT2 }).expect(202);
      const paused = await waitFor('paused sync', async () => {
        const s = await stateOf(ACT2);
        return s.state === 'paused' ? s : undefined;
      });
      expect(paused.lastError).toMatch(/throttling/);
      const [job] = (await queue.getJobs(['delayed'])).filter((j) => j.name === META_ADS_JOBS.syncAccount && j.data.adAccountId === ACT2);
      expect(job).toBeDefined();
      expect(job.attemptsMade).toBe(0);
      // The regain time Meta announced (5 minutes in the sandbox), not a retry backoff.
      expect(job.timestamp + job.delay - Date.now()).toBeGreaterThan(60_000);
      expect(await queue.getJobs(['failed'])).toEqual([]);

      // Meta lets the account's calls through again and the regain time passes.
      await control('POST', '/throttle', { scope: 'ads_management', objectId: DEMO_IDS.adAccounts.lifeHealth, on: false });
      (env.t.app.get(MetaGraphClient).pacer as unknown as { paused: Map<string, unknown> }).paused.clear();
      const before = new Date((await stateOf(ACT2)).lastSyncedAt ?? 0);
      await job.promote();
      const done = await synced(ACT2, before);
      expect(done.lastError).toBeNull();
    });
  });

  describe('create a lead campaign', () => {
    it('creates campaign, ad set, creative and ad PAUSED, with the special ad category set by the product; a retry with the same key creates nothing', async () => {
      const body = draft();
      const idempotencyKey = key();
      const since = lastSeq();
      const res = await create(body, idempotencyKey).expect(201);
      expect(res.body).toMatchObject({
        specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
        specialAdCategoryCountry: ['US'],
        campaign: {
          name: 'E2E – Auto leads',
          status: 'PAUSED',
          objective: 'OUTCOME_LEADS',
          specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
        },
        adSet: {
          status: 'PAUSED',
          optimizationGoal: 'QUALITY_LEAD',
          destinationType: 'ON_AD',
          pageId: DEMO_IDS.pages.main,
          dailyBudgetMinor: 2500,
        },
        ad: {
          status: 'PAUSED',
          effectiveStatus: 'PENDING_REVIEW',
          leadFormId: DEMO_IDS.forms.auto,
          creative: { headline: 'Auto insurance in 5 minutes', body: 'Compare auto quotes from local carriers.', callToAction: 'SIGN_UP' },
        },
      });
      const writes = graphWrites(since).map((c) => c.path.replace(/^\/v\d+\.\d+/, ''));
      expect(writes).toEqual([`/${ACT}/adimages`, `/${ACT}/campaigns`, `/${ACT}/adsets`, `/${ACT}/adcreatives`, `/${ACT}/ads`]);

      const retry = await create(body, idempotencyKey).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.campaign.campaignId).toBe(res.body.campaign.campaignId);
      expect(graphWrites(since)).toHaveLength(5);

      const reused = await create(
        draft((d) => (d.campaign.name = 'Another')),
        idempotencyKey,
      ).expect(422);
      expect(reused.body.error.code).toBe(ADS_ERROR_CODES.idempotencyKeyReused);

      const listed = (await http().get(`${base}/campaigns`).query({ q: 'E2E – Auto' }).set(viewer.auth).expect(200)).body.items;
      expect(listed.map((c: any) => c.campaignId)).toEqual([res.body.campaign.campaignId]);
      const entry = (await audits()).find((a) => a.action === 'meta_ads.campaign_created');
      expect(entry).toMatchObject({
        actor_type: 'user',
        target_id: res.body.campaign.campaignId,
        details: { before: null, after: { adId: res.body.ad.adId, status: 'PAUSED' } },
      });
    });

    it.each([
      ['financial_age_narrowing', (d: CreateLeadCampaignRequest) => (d.adSet.targeting.ageMin = 25)],
      ['financial_gender', (d: CreateLeadCampaignRequest) => (d.adSet.targeting.genders = [2])],
      ['financial_zip', (d: CreateLeadCampaignRequest) => (d.adSet.targeting.zips = ['US:10001'])],
      [
        'financial_radius',
        (d: CreateLeadCampaignRequest) =>
          (d.adSet.targeting.cities = [{ key: '2490299', name: 'Newark', radius: 10, distanceUnit: 'mile' }]),
      ],
    ])('refuses %s before anything reaches Meta, saying why', async (code, change) => {
      const since = lastSeq();
      const res = await create(draft(change)).expect(422);
      expect(res.body.error.code).toBe(ADS_ERROR_CODES.guardrail);
      expect(res.body.error.details.findings.map((f: any) => f.code)).toEqual([code]);
      expect(res.body.error.message).toMatch(/financial product/);
      expect(graphWrites(since)).toEqual([]);
      const validated = (await http().post(`${base}/campaigns/validate`).set(manager.auth).send(draft(change)).expect(200)).body;
      expect(validated.findings.map((f: any) => f.code)).toEqual([code]);
      expect(validated.specialAdCategories).toEqual(['FINANCIAL_PRODUCTS_SERVICES']);
    });

    it('refuses a daily budget above the organisation ceiling', async () => {
      await http()
        .put(`${base}/ads-settings`)
        .set(manager.auth)
        .send({ dailyBudgetCeilingMinor: 1000, confirmChangeAbovePercent: 50 })
        .expect(403);
      const settings = await http()
        .put(`${base}/ads-settings`)
        .set(env.admin.auth)
        .send({ dailyBudgetCeilingMinor: 100_000, confirmChangeAbovePercent: 50 })
        .expect(200);
      expect(settings.body).toMatchObject({ financialCategoryCountries: ['US'], minRadiusMiles: 15, dailyBudgetCeilingMinor: 100_000 });
      const res = await create(draft((d) => (d.adSet.budget.amountMinor = 95_000))).expect(422);
      expect(res.body.error.details.findings.map((f: any) => f.code)).toEqual(['budget_ceiling']);
      await http()
        .put(`${base}/ads-settings`)
        .set(env.admin.auth)
        .send({ dailyBudgetCeilingMinor: null, confirmChangeAbovePercent: 50 })
        .expect(200);
      expect((await http().get(`${base}/ads-guardrails`).set(viewer.auth).expect(200)).body.dailyBudgetCeilingMinor).toBeNull();
    });

    it("surfaces Meta's validation error (error_user_msg) and deletes what was already created", async () => {
      const res = await create(draft((d) => (d.adSet.budget.amountMinor = 1))).expect(422);
      expect(res.body.error).toMatchObject({
        code: ADS_ERROR_CODES.campaignPartial,
        details: { failedStep: 'adset', userTitle: 'Your Budget Is Too Low', objects: [{ level: 'campaign', cleanedUp: true }] },
      });
      expect(res.body.error.message).toContain(res.body.error.details.userMessage);
      const campaignId = res.body.error.details.objects[0].id;
      expect(
        env.sandbox.control
          .calls({ limit: 100_000 })
          .some((c) => c.method === 'DELETE' && c.path.endsWith(`/${campaignId}`) && c.status === 200),
      ).toBe(true);
      expect((await http().get(`${base}/campaigns`).query({ q: 'E2E – Auto' }).set(viewer.auth).expect(200)).body.total).toBe(1);
    });

    it('cleans up campaign, ad set and creative when the ad step fails, and reports each', async () => {
      await control('PUT', '/faults', { errors: [{ code: 100, rate: 1, times: 1, method: 'POST', path: '/ads$' }] });
      const res = await create(draft((d) => (d.campaign.name = 'E2E – fails at the ad'))).expect(422);
      expect(res.body.error.code).toBe(ADS_ERROR_CODES.campaignPartial);
      expect(res.body.error.details).toMatchObject({ failedStep: 'ad' });
      expect(res.body.error.details.objects.map((o: any) => [o.level, o.cleanedUp])).toEqual([
        ['campaign', true],
        ['adset', true],
        ['creative', true],
      ]);
      expect((await http().get(`${base}/campaigns`).query({ q: 'fails at the ad' }).set(viewer.auth).expect(200)).body.total).toBe(0);
      expect((await audits()).some((a) => a.action === 'meta_ads.campaign_creation_failed' && a.details.failedStep === 'ad')).toBe(true);
    });
  });

  describe('results from insights', () => {
    it("shows each object's spend, Meta's leads and cost per lead from the insight facts of the last 28 days", async () => {
      // The campaign the flow above created: paused, so no insights pull brings facts of its own for it.
      const listed = (await http().get(`${base}/campaigns`).query({ q: 'E2E – Auto leads' }).set(viewer.auth).expect(200)).body.items;
      expect(listed).toHaveLength(1);
      const [campaign] = listed;
      expect(campaign.results).toBeNull();
      const [adSet] = (await http().get(`${base}/adsets`).query({ campaignId: campaign.campaignId }).set(viewer.auth).expect(200)).body
        .items;
      const [ad] = (await http().get(`${base}/ads`).query({ adSetId: adSet.adSetId }).set(viewer.auth).expect(200)).body.items;
      expect([adSet.results, ad.results]).toEqual([null, null]);

      // Days well before the connect's two-day backfill, so no pull of this suite writes the same rows.
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const ids = { campaignId: campaign.campaignId, adsetId: adSet.adSetId };
      await insertFacts(env.t.dataSource, env.admin.organisationId, [
        { adAccountId: ACT, level: 'campaign', objectId: campaign.campaignId, date: day(10), spend: 40.25, leads: 3 },
        { adAccountId: ACT, level: 'campaign', objectId: campaign.campaignId, date: day(11), spend: 10, leads: 2 },
        // Outside the 28 days, and a breakdown row: neither counts.
        { adAccountId: ACT, level: 'campaign', objectId: campaign.campaignId, date: day(40), spend: 999, leads: 9 },
        {
          adAccountId: ACT,
          level: 'campaign',
          objectId: campaign.campaignId,
          date: day(10),
          breakdown: 'platform',
          breakdownKey: 'facebook',
          spend: 7,
          leads: 1,
        },
        { adAccountId: ACT, level: 'adset', objectId: adSet.adSetId, ...ids, date: day(10), spend: 50.25, leads: 5 },
        { adAccountId: ACT, level: 'ad', objectId: ad.adId, ...ids, adId: ad.adId, date: day(10), spend: 50.25, leads: 0 },
      ]);

      const range = { since: day(27), until: day(0) };
      const [after] = (await http().get(`${base}/campaigns`).query({ q: 'E2E – Auto leads' }).set(viewer.auth).expect(200)).body.items;
      expect(after.results).toEqual({ spend: { amountMinor: 5025, currency: 'USD' }, leads: 5, costPerLeadMinor: 1005, ...range });
      const [adSetAfter] = (await http().get(`${base}/adsets`).query({ campaignId: campaign.campaignId }).set(viewer.auth).expect(200)).body
        .items;
      expect(adSetAfter.results).toEqual({ spend: { amountMinor: 5025, currency: 'USD' }, leads: 5, costPerLeadMinor: 1005, ...range });
      const [adAfter] = (await http().get(`${base}/ads`).query({ adSetId: adSet.adSetId }).set(viewer.auth).expect(200)).body.items;
      expect(adAfter.results).toEqual({ spend: { amountMinor: 5025, currency: 'USD' }, leads: 0, costPerLeadMinor: null, ...range });

      // A campaign that delivers: the facts the connect's insights backfill pulled from Meta, as the insights API sums them.
      const auto = await waitFor('the backfilled insights of a delivering campaign', async () => {
        const items = (await http().get(`${base}/campaigns`).query({ adAccountId: ACT }).set(viewer.auth).expect(200)).body.items;
        return items.find((c: any) => c.campaignId === AUTO_CAMPAIGN && c.results)?.results;
      });
      const insights = (
        await http()
          .get(`${base}/insights`)
          .query({ level: 'campaign', ids: AUTO_CAMPAIGN, ...range })
          .set(viewer.auth)
          .expect(200)
      ).body.items;
      expect(insights).toHaveLength(1);
      expect(auto).toEqual({
        spend: { amountMinor: Math.round(insights[0].metrics.spend * 100), currency: 'USD' },
        leads: insights[0].metrics.metaLeads,
        costPerLeadMinor: insights[0].metrics.metaLeads ? expect.any(Number) : null,
        ...range,
      });
      expect(auto.spend.amountMinor).toBeGreaterThan(0);
    });
  });

  describe('edits', () => {
    it('pauses and resumes one object, and many in bulk, with an audit entry for each', async () => {
      const paused = await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(manager.auth).send({ status: 'PAUSED' }).expect(200);
      expect(paused.body).toMatchObject({ campaignId: AUTO_CAMPAIGN, status: 'PAUSED', effectiveStatus: 'PAUSED' });
      const pauseEntry = (await audits()).reverse().find((a) => a.action === 'meta_ads.campaign_updated' && a.target_id === AUTO_CAMPAIGN);
      expect(pauseEntry).toMatchObject({ actor_type: 'user', details: { before: { status: 'ACTIVE' }, after: { status: 'PAUSED' } } });
      const ids = (await http().get(`${base}/adsets`).query({ campaignId: AUTO_CAMPAIGN }).set(viewer.auth).expect(200)).body.items.map(
        (s: any) => s.id,
      );
      await http().post(`${base}/ads-bulk-status`).set(manager.auth).send({ level: 'adset', ids, status: 'PAUSED' }).expect(400);
      const bulk = await http()
        .post(`${base}/ads-bulk-status`)
        .set(manager.auth)
        .set('Idempotency-Key', key())
        .send({ level: 'adset', ids, status: 'PAUSED' })
        .expect(200);
      expect(bulk.body.results).toEqual(ids.map((id: string) => ({ id, ok: true, status: 'PAUSED' })));
      const resumed = await http()
        .post(`${base}/ads-bulk-status`)
        .set(manager.auth)
        .set('Idempotency-Key', key())
        .send({ level: 'campaign', ids: [AUTO_CAMPAIGN, '999999999'], status: 'ACTIVE' })
        .expect(200);
      expect(resumed.body.results).toEqual([
        { id: AUTO_CAMPAIGN, ok: true, status: 'ACTIVE' },
        { id: '999999999', ok: false, error: expect.stringMatching(/No such campaign/) },
      ]);
      const entries = (await audits()).filter((a) => a.action === 'meta_ads.adset_updated' && a.details.bulk);
      expect(entries).toHaveLength(ids.length);
      expect(entries[0].details).toMatchObject({ before: { status: 'ACTIVE' }, after: { status: 'PAUSED' } });
    });

    it('answers a retried bulk change or edit with its first answer, applying nothing twice', async () => {
      const adSets = (await http().get(`${base}/adsets`).query({ campaignId: HOME_CAMPAIGN }).set(viewer.auth).expect(200)).body.items;
      const ids = adSets.map((s: any) => s.id);
      const bulkKey = key();
      const bulk = () =>
        http()
          .post(`${base}/ads-bulk-status`)
          .set(manager.auth)
          .set('Idempotency-Key', bulkKey)
          .send({ level: 'adset', ids, status: 'PAUSED' });
      const first = await bulk().expect(200);
      expect(first.body.results.every((r: any) => r.ok)).toBe(true);
      const auditsAfterFirst = (await audits()).length;
      // Someone resumes one of them in Ads Manager; the client, having lost the first answer, sends the same request.
      await control('PATCH', `/marketing/objects/${adSets[0].adSetId}`, { status: 'ACTIVE' });
      const since = lastSeq();
      const retry = await bulk().expect(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(graphWrites(since)).toEqual([]);
      expect((await audits()).length).toBe(auditsAfterFirst);

      // An edit with a key: the retry is the stored answer, even once the mirror has moved on.
      const editKey = key();
      const edit = () =>
        http().put(`${base}/campaigns/${HOME_CAMPAIGN}`).set(manager.auth).set('Idempotency-Key', editKey).send({ status: 'PAUSED' });
      const edited = await edit().expect(200);
      await http().put(`${base}/campaigns/${HOME_CAMPAIGN}`).set(manager.auth).send({ status: 'ACTIVE' }).expect(200);
      const beforeRetry = lastSeq();
      const again = await edit().expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.status).toBe(edited.body.status);
      expect(graphWrites(beforeRetry)).toEqual([]);
      const now = (await http().get(`${base}/campaigns`).query({ q: edited.body.name }).set(viewer.auth).expect(200)).body.items;
      expect(now.find((c: any) => c.campaignId === HOME_CAMPAIGN).status).toBe('ACTIVE');
    });

    it('asks to confirm a budget increase above the threshold, then applies it with an audit entry', async () => {
      const ask = await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(manager.auth).send({ dailyBudgetMinor: 12000 }).expect(409);
      expect(ask.body.error).toMatchObject({
        code: ADS_ERROR_CODES.confirmationRequired,
        details: { from: 6000, to: 12000, percent: 100, thresholdPercent: 50, currency: 'USD' },
      });
      const done = await http()
        .put(`${base}/campaigns/${AUTO_CAMPAIGN}`)
        .set(manager.auth)
        .send({ dailyBudgetMinor: 12000, confirmed: true })
        .expect(200);
      expect(done.body.dailyBudgetMinor).toBe(12000);
      const entry = (await audits()).reverse().find((a) => a.action === 'meta_ads.campaign_updated');
      expect(entry?.details).toMatchObject({
        confirmed: true,
        before: { dailyBudgetMinor: 6000 },
        after: { dailyBudgetMinor: 12000 },
        changes: { daily_budget: 12000 },
      });
      // A cut needs no confirmation; an end date is set on the campaign's stop_time.
      const end = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 86_400_000).toISOString(); // Meta keeps whole seconds
      const cut = await http()
        .put(`${base}/campaigns/${AUTO_CAMPAIGN}`)
        .set(manager.auth)
        .send({ dailyBudgetMinor: 7000, endTime: end })
        .expect(200);
      expect(cut.body).toMatchObject({ dailyBudgetMinor: 7000, stopTime: end });
      // The same values again (a form saved unchanged): answered from the mirror, nothing sent to Meta.
      const since = lastSeq();
      await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(manager.auth).send({ dailyBudgetMinor: 7000, endTime: end }).expect(200);
      expect(graphWrites(since)).toEqual([]);
    });

    it("returns Meta's refusal of an edit and leaves the mirror unchanged", async () => {
      const before = (await http().get(`${base}/adsets`).query({ campaignId: '120210000000000103' }).set(viewer.auth).expect(200)).body
        .items[0];
      const res = await http().put(`${base}/adsets/${before.id}`).set(manager.auth).send({ dailyBudgetMinor: 5 }).expect(422);
      expect(res.body.error).toMatchObject({
        code: ErrorCode.MetaRejected,
        details: { userTitle: 'Your Budget Is Too Low', userMessage: expect.stringContaining('minimum') },
      });
      const after = (
        await http().get(`${base}/adsets`).query({ campaignId: '120210000000000103' }).set(viewer.auth).expect(200)
      ).body.items.find((s: any) => s.id === before.id);
      expect(after.dailyBudgetMinor).toBe(before.dailyBudgetMinor);
      expect(after.syncedAt).toBe(before.syncedAt);
    });
  });

  describe('access and input', () => {
    it('lets viewers read and refuses their writes', async () => {
      await http().get(`${base}/campaigns`).set(viewer.auth).expect(200);
      await http().get(`${base}/ads-guardrails`).set(viewer.auth).expect(200);
      await http().post(`${base}/campaigns/sync`).set(viewer.auth).send({}).expect(403);
      await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(viewer.auth).send({ status: 'PAUSED' }).expect(403);
      await create(draft(), key(), viewer).expect(403);
      await http()
        .post(`${base}/ads-bulk-status`)
        .set(viewer.auth)
        .set('Idempotency-Key', key())
        .send({ level: 'ad', ids: ['1'], status: 'PAUSED' })
        .expect(403);
    });

    it('answers bad input with a 400 envelope naming the problem', async () => {
      const missingKey = await create(draft(), null).expect(400);
      expect(missingKey.body.error.code).toBe(ADS_ERROR_CODES.idempotencyKeyRequired);
      const bad = await create({ ...draft(), adSet: { ...draft().adSet, budget: { type: 'weekly', amountMinor: -1 } }, extra: 1 }).expect(
        400,
      );
      expect(bad.body.error.code).toBe(ErrorCode.ValidationFailed);
      expect(bad.body.error.fields.map((f: any) => f.field)).toEqual(
        expect.arrayContaining(['extra', 'adSet.budget.type', 'adSet.budget.amountMinor']),
      );
      const noTargeting = await create({ ...draft(), adSet: { ...draft().adSet, targeting: undefined } }).expect(400);
      expect(noTargeting.body.error.fields.map((f: any) => f.field)).toContain('adSet.targeting');
      await http().put(`${base}/campaigns/not-an-id`).set(manager.auth).send({ status: 'PAUSED' }).expect(400);
      await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(manager.auth).send({}).expect(400);
      await http().put(`${base}/campaigns/${AUTO_CAMPAIGN}`).set(manager.auth).send({ status: 'DELETED' }).expect(400);
      await http()
        .put(`${base}/ads/${HOME_AD}`)
        .set(manager.auth)
        .send({ dailyBudgetMinor: 100 })
        .expect((r) => expect([400, 409]).toContain(r.status));
      await http().get(`${base}/campaigns`).query({ sort: 'spend' }).set(viewer.auth).expect(400);
      await http().get(`${base}/ads`).query({ limit: 'lots' }).set(viewer.auth).expect(400);
      await http().post(`${base}/campaigns/sync`).set(manager.auth).send({ adAccountId: 'act_1' }).expect(404);
    });
  });
});
