import { InsightMetrics, InsightRowDto, InsightsSummaryDto } from '@legeai/contracts';

import { breakdownSlices, change, funnelSteps, hasNoInsightsYet, kpis, money, percent } from './insight-kpis';

const metrics = (over: Partial<InsightMetrics> = {}): InsightMetrics => ({
  spend: 0,
  impressions: 0,
  reach: null,
  clicks: 0,
  linkClicks: 0,
  metaLeads: 0,
  storedLeads: 0,
  qualifiedLeads: 0,
  wonPolicies: 0,
  premiumWon: 0,
  revenue: 0,
  cpl: null,
  metaCpl: null,
  costPerQualified: null,
  costPerWon: null,
  roi: null,
  ctr: null,
  qualifiedRate: null,
  wonRate: null,
  ...over,
});

const summary = (over: Partial<InsightsSummaryDto> = {}): InsightsSummaryDto => ({
  range: { since: '2026-11-10', until: '2026-11-12' },
  previousRange: { since: '2026-11-07', until: '2026-11-09' },
  adAccountIds: ['act_1'],
  currency: 'USD',
  timeZone: 'America/Los_Angeles',
  attributionSetting: null,
  totals: metrics({
    spend: 200,
    impressions: 10000,
    clicks: 300,
    metaLeads: 7,
    storedLeads: 4,
    qualifiedLeads: 3,
    wonPolicies: 2,
    premiumWon: 1000,
    revenue: 1000,
    cpl: 50,
    costPerWon: 100,
    roi: 4,
  }),
  previous: metrics({ spend: 100, storedLeads: 4, wonPolicies: 0, cpl: 25, roi: 3.5 }),
  daily: [],
  funnel: { impressions: 10000, clicks: 300, leads: 4, qualified: 3, won: 2 },
  dataAsOf: '2026-11-13T09:30:00Z',
  restatementWindowDays: 28,
  roiBasis: 'premium',
  commissionRate: null,
  otherCurrencies: [],
  ...over,
});
const en = { locale: 'en-US' };

describe('insight KPIs', () => {
  it('shows no value instead of infinity or NaN', () => {
    expect(money(null, 'USD', en)).toBe('No value');
    expect(percent(null, en)).toBe('No value');
    expect(change(5, 0, true, false, en)).toEqual({ text: 'No earlier value to compare', direction: 'none', good: null });
    expect(change(null, 3, true, false, en).direction).toBe('none');
  });

  it('moves amounts in percent and ROI in points, and knows which way is good', () => {
    const cards = kpis(summary(), en);
    expect(cards.map((c) => c.key)).toEqual(['spend', 'leads', 'cpl', 'qualified', 'won', 'premium', 'roi']);
    const byKey = Object.fromEntries(cards.map((c) => [c.key, c]));
    expect(byKey['spend']).toMatchObject({ value: '$200.00', change: { text: '+100% vs previous period', direction: 'up', good: null } });
    expect(byKey['leads']).toMatchObject({ value: '4', detail: 'Meta reported 7', change: { direction: 'flat' } });
    // CPL doubled: bad news.
    expect(byKey['cpl'].change).toEqual({ text: '+100% vs previous period', direction: 'up', good: false });
    expect(byKey['won'].change.direction).toBe('none');
    expect(byKey['won'].detail).toBe('$100.00 each');
    expect(byKey['roi']).toMatchObject({
      value: '+400%',
      detail: 'On premium won',
      change: { text: '+50 pts vs previous period', good: true },
    });
  });

  it('names the commission basis on the ROI card', () => {
    const roi = kpis(summary({ roiBasis: 'commission', commissionRate: 0.125 }), en).find((c) => c.key === 'roi')!;
    expect(roi.detail).toBe('On commission at 12.5%');
  });

  it('tells a dashboard with no pull yet from a quiet range', () => {
    expect(hasNoInsightsYet(summary({ dataAsOf: null, totals: metrics() }))).toBe(true);
    expect(hasNoInsightsYet(summary({ totals: metrics() }))).toBe(false);
  });

  it('draws the funnel on a log scale with each step’s share of the one before', () => {
    const steps = funnelSteps(summary(), en);
    expect(steps.map((s) => [s.label, s.text, s.rate])).toEqual([
      ['Impressions', '10,000', null],
      ['Clicks', '300', '3%'],
      ['Leads', '4', '1.33%'],
      ['Qualified', '3', '75%'],
      ['Won', '2', '66.67%'],
    ]);
    expect(steps[0].width).toBe(100);
    expect(steps[4].width).toBeGreaterThan(5);
    expect(
      funnelSteps(summary({ funnel: { impressions: 0, clicks: 0, leads: 0, qualified: 0, won: 0 } }), en).every((s) => s.width === 0),
    ).toBe(true);
  });

  it('sums breakdown slices across accounts in one currency only, biggest first, the tail as Other', () => {
    const row = (key: string, spend: number, leads: number, currency = 'USD'): InsightRowDto => ({
      level: 'account',
      objectId: 'act_1',
      name: 'A',
      adAccountId: 'act_1',
      campaignId: null,
      adsetId: null,
      adId: null,
      breakdownKey: key,
      currency,
      metrics: metrics({ spend, metaLeads: leads }),
    });
    const slices = breakdownSlices(
      [
        row('facebook', 70, 7),
        row('instagram', 30, 0),
        row('facebook', 10, 1),
        row('facebook', 999, 9, 'EUR'),
        row('audience_network', 5, 1),
        row('messenger', 1, 0),
      ],
      'USD',
      2,
    );
    expect(slices.map((s) => [s.label, s.spend, s.metaLeads, s.metaCpl])).toEqual([
      ['Facebook', 80, 8, 10],
      ['Instagram', 30, 0, null],
      ['Other (2)', 6, 1, 6],
    ]);
  });
});
