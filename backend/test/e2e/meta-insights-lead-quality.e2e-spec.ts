import { LeadStatus, type InsightRowDto, type InsightsPage } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../utils/create-test-app';
import { createOrganisationWithAdmin, signInAdminManagerViewer, SignedInUser } from '../utils/identity-fixtures';
import { insertFacts, insertInsightAccount, insertMirrorCampaign } from '../utils/insight-facts';
import { insertLead } from '../utils/lead-factory';

/**
 * Lead quality in the insights dashboard's campaign table: qualified and won rates of each campaign's stored leads,
 * and the Conversions API events of those leads (read through MetaConversions' port), on the account-local days of
 * the range. Account act_111 is in Los Angeles (UTC−8 in November); the range is 10–12 November 2026.
 */
const LA = 'act_111';
const C1 = '9001';
const C2 = '9002';
const DATASET = '1530770000000101';
const RANGE = 'since=2026-11-10&until=2026-11-12';
const base = '/v1/integrations/meta/insights';

type EventState = 'pending' | 'accepted' | 'failed' | 'expired';

/** An outbox row of a lead, as MetaConversions stores it after a send (`sent` when it went to Meta). */
async function insertCapiEvent(
  ds: DataSource,
  organisationId: string,
  leadId: string,
  status: LeadStatus,
  state: EventState,
  sent: boolean,
) {
  const metaLeadId = `77${leadId.replace(/\D/g, '').slice(0, 13)}`;
  await ds.query(
    `INSERT INTO meta_capi_events (organisation_id, lead_id, meta_lead_id, dataset_id, lead_status, event_name, event_id, changed_at,
       event_time, state, attempts, sent_at, accepted_at)
     VALUES ($1, $2, $3::text, $4, $5::lead_status, 'Stage', $3::text || ':' || $5::text, now(), now(), $6::text, $7,
       CASE WHEN $8::boolean THEN now() END, CASE WHEN $6::text = 'accepted' THEN now() END)`,
    [organisationId, leadId, metaLeadId, DATASET, status, state, sent ? 1 : 0, sent],
  );
}

describe('MetaInsights: lead quality and Conversions API events per campaign (e2e)', () => {
  let t: TestApp;
  let viewer: SignedInUser;
  const rows = async (query: string): Promise<InsightsPage> => (await t.http.get(`${base}?${query}`).set(viewer.auth).expect(200)).body;
  const row = (page: InsightsPage, id: string): InsightRowDto => page.items.find((i) => i.objectId === id)!;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const signedIn = await signInAdminManagerViewer(t);
    viewer = signedIn.viewer;
    const org = signedIn.admin.organisationId;
    const other = (await createOrganisationWithAdmin(t, 'Rival Insurance')).admin.organisationId;
    const ds = t.dataSource;

    await insertInsightAccount(ds, org, LA, 'America/Los_Angeles', 'USD', new Date('2026-11-13T09:30:00Z'));
    await insertMirrorCampaign(ds, org, LA, C1, 'Auto – Spring');
    await insertMirrorCampaign(ds, org, LA, C2, 'Home – Autumn');
    await insertFacts(ds, org, [
      { adAccountId: LA, level: 'campaign', objectId: C1, date: '2026-11-10', spend: 100, impressions: 1000, leads: 4 },
      { adAccountId: LA, level: 'campaign', objectId: C2, date: '2026-11-11', spend: 40, impressions: 500, leads: 1 },
      { adAccountId: LA, level: 'adset', objectId: '9101', campaignId: C1, date: '2026-11-10', spend: 100, leads: 4 },
    ]);
    const lead = (receivedAt: string, status: LeadStatus, over: Record<string, unknown> = {}) =>
      insertLead(ds, org, { campaignId: C1, adsetId: '9101', receivedAt: new Date(receivedAt), status, ...over });

    // C1's stored leads in the range: won, qualified, new, and one received 06:00Z on the 13th (22:00 on the 12th in
    // Los Angeles): 4 leads, 2 qualified or beyond, 1 won.
    const won = await lead('2026-11-10T20:00:00Z', LeadStatus.Won, { premiumValue: '900.00', premiumCurrency: 'USD' });
    const qualified = await lead('2026-11-11T18:00:00Z', LeadStatus.Qualified);
    await lead('2026-11-12T18:00:00Z', LeadStatus.New);
    const lateLocal = await lead('2026-11-13T06:00:00Z', LeadStatus.Contacted);
    await insertCapiEvent(ds, org, won.id, LeadStatus.New, 'accepted', true);
    await insertCapiEvent(ds, org, won.id, LeadStatus.Qualified, 'accepted', true);
    await insertCapiEvent(ds, org, won.id, LeadStatus.Won, 'failed', true);
    await insertCapiEvent(ds, org, qualified.id, LeadStatus.New, 'accepted', true);
    await insertCapiEvent(ds, org, qualified.id, LeadStatus.Qualified, 'pending', false);
    await insertCapiEvent(ds, org, lateLocal.id, LeadStatus.New, 'accepted', true);

    // Not counted: an organic and a test lead of the campaign (opted-in events of theirs too), a lead of the 9th in
    // Los Angeles (07:00Z on the 10th), and another organisation's lead of the same campaign id.
    const organic = await lead('2026-11-10T21:00:00Z', LeadStatus.Won, { isOrganic: true });
    const test = await lead('2026-11-10T22:00:00Z', LeadStatus.Qualified, { isTest: true });
    const before = await lead('2026-11-10T07:00:00Z', LeadStatus.Won);
    for (const l of [organic, test, before]) await insertCapiEvent(ds, org, l.id, LeadStatus.New, 'accepted', true);
    const rival = await insertLead(ds, other, { campaignId: C1, receivedAt: new Date('2026-11-11T18:00:00Z'), status: LeadStatus.Won });
    await insertCapiEvent(ds, other, rival.id, LeadStatus.Won, 'accepted', true);
  });
  afterAll(() => t?.close());

  it("answers each campaign's qualified and won rates of its stored leads, and its leads' events sent and accepted", async () => {
    const page = await rows(`${RANGE}&level=campaign`);
    const c1 = row(page, C1);
    expect(c1.metrics).toMatchObject({ storedLeads: 4, qualifiedLeads: 2, wonPolicies: 1, qualifiedRate: 0.5, wonRate: 0.25 });
    // 5 of the 6 events of C1's counted leads went to Meta (one waits for its first send); 4 were accepted.
    expect(c1.conversions).toEqual({ sent: 5, accepted: 4 });
  });

  it('gives a campaign without stored leads no rate (null, never 0 or NaN) and zero events', async () => {
    const c2 = row(await rows(`${RANGE}&level=campaign`), C2);
    expect(c2.metrics).toMatchObject({ storedLeads: 0, qualifiedRate: null, wonRate: null });
    expect(c2.conversions).toEqual({ sent: 0, accepted: 0 });
  });

  it("follows the range's local days: a shorter range counts fewer leads and their events only", async () => {
    // The 10th in Los Angeles: only the won lead (the qualified one came at 10:00 on the 11th there).
    const day = row(await rows('since=2026-11-10&until=2026-11-10&level=campaign'), C1);
    expect(day.metrics).toMatchObject({ storedLeads: 1, qualifiedRate: 1, wonRate: 1 });
    expect(day.conversions).toEqual({ sent: 3, accepted: 2 });
    const wide = row(await rows('since=2026-11-09&until=2026-11-12&level=campaign'), C1);
    expect(wide.metrics).toMatchObject({ storedLeads: 5, wonPolicies: 2, wonRate: 0.4 });
    expect(wide.conversions).toEqual({ sent: 6, accepted: 5 });
  });

  it('carries events on campaign rows without a breakdown only, and the rates at every level', async () => {
    const adset = (await rows(`${RANGE}&level=adset`)).items[0];
    expect(adset.conversions).toBeUndefined();
    expect(adset.metrics).toMatchObject({ storedLeads: 4, qualifiedRate: 0.5, wonRate: 0.25 });
  });

  it('puts the rates and the events in the CSV download', async () => {
    const res = await t.http.get(`${base}?${RANGE}&level=campaign&format=csv`).set(viewer.auth).expect(200);
    const [header, ...lines] = (res.text as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const cols = header.split(',');
    const c1 = lines.find((l) => l.startsWith(`campaign,${C1},`))!.split(',');
    const at = (name: string) => c1[cols.indexOf(name)];
    expect(at('Qualified rate')).toBe('0.5');
    expect(at('Won rate')).toBe('0.25');
    expect(at('Conversions API events sent')).toBe('5');
    expect(at('Conversions API events accepted')).toBe('4');
  });
});
