import type { CreateLeadCampaignRequest } from '@legeai/contracts';
import {
  activeDailyBudgetMinor,
  budgetChangeCheck,
  checkLeadCampaignDraft,
  dailyCeilingFinding,
  financialTargetingFindings,
  specialCategoriesFor,
  type BudgetHolder,
} from './index';

const NOW = new Date('2026-12-01T12:00:00Z');

const draft = (change: (d: CreateLeadCampaignRequest) => void = () => undefined): CreateLeadCampaignRequest => {
  const d: CreateLeadCampaignRequest = {
    adAccountId: 'act_1',
    campaign: { name: 'Auto leads' },
    adSet: {
      name: 'US adults',
      pageId: '1',
      optimizationGoal: 'LEAD_GENERATION',
      budget: { type: 'daily', amountMinor: 2500 },
      targeting: { countries: ['US'] },
    },
    ad: { name: 'Ad', leadFormId: '2', primaryText: 'Quotes', headline: 'Save', callToAction: 'SIGN_UP' },
  };
  change(d);
  return d;
};
const ctx = { holders: [] as BudgetHolder[], dailyBudgetCeilingMinor: null as number | null, currency: 'USD', now: NOW };
const codes = (d: CreateLeadCampaignRequest, c = ctx) => checkLeadCampaignDraft(d, c).findings.map((f) => f.code);

describe('special ad category', () => {
  it('sets FINANCIAL_PRODUCTS_SERVICES with every targeted country when the US is targeted', () => {
    expect(specialCategoriesFor(['us', 'CA'])).toEqual({
      specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
      specialAdCategoryCountry: ['CA', 'US'],
    });
  });
  it('sets none for countries where it does not apply', () => {
    expect(specialCategoriesFor(['FR'])).toEqual({ specialAdCategories: [], specialAdCategoryCountry: [] });
  });
});

describe('financial targeting', () => {
  it('accepts the full audience', () => {
    expect(
      financialTargetingFindings({ countries: ['US'], ageMin: 18, ageMax: 65, genders: [1, 2], cities: [{ key: 'x', radius: 15 }] }),
    ).toEqual([]);
  });
  it('refuses age narrowing, gender, ZIP codes and a small radius, each on its field with a reason', () => {
    const findings = financialTargetingFindings({
      countries: ['US'],
      ageMin: 25,
      ageMax: 54,
      genders: [2],
      zips: ['US:10001'],
      cities: [
        { key: '2420379', name: 'Austin', radius: 10, distanceUnit: 'mile' },
        { key: 'y', radius: 20, distanceUnit: 'kilometer' },
        { key: 'z', radius: 24.2, distanceUnit: 'kilometer' },
      ],
    });
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['financial_age_narrowing', 'adSet.targeting.ageMin'],
      ['financial_age_narrowing', 'adSet.targeting.ageMax'],
      ['financial_gender', 'adSet.targeting.genders'],
      ['financial_zip', 'adSet.targeting.zips'],
      ['financial_radius', 'adSet.targeting.cities.0.radius'],
      ['financial_radius', 'adSet.targeting.cities.1.radius'],
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
    expect(findings[0].message).toContain('18 to 65+');
    expect(findings[4].message).toContain('Austin');
    expect(findings[4].message).toContain('15 miles');
  });
  it('applies only where the category applies', () => {
    expect(codes(draft((d) => (d.adSet.targeting = { countries: ['FR'], ageMin: 30 })))).toEqual([]);
    expect(codes(draft((d) => (d.adSet.targeting = { countries: ['US'], ageMin: 30 })))).toEqual(['financial_age_narrowing']);
  });
});

describe('budgets', () => {
  const holders: BudgetHolder[] = [
    { level: 'campaign', id: 'c1', campaignId: 'c1', status: 'ACTIVE', dailyBudgetMinor: null, deleted: false },
    { level: 'adset', id: 's1', campaignId: 'c1', status: 'ACTIVE', dailyBudgetMinor: 3000, deleted: false },
    { level: 'adset', id: 's2', campaignId: 'c1', status: 'PAUSED', dailyBudgetMinor: 5000, deleted: false },
    { level: 'campaign', id: 'c2', campaignId: 'c2', status: 'PAUSED', dailyBudgetMinor: null, deleted: false },
    { level: 'adset', id: 's3', campaignId: 'c2', status: 'ACTIVE', dailyBudgetMinor: 7000, deleted: false },
    { level: 'campaign', id: 'c3', campaignId: 'c3', status: 'ACTIVE', dailyBudgetMinor: 1000, deleted: false },
    { level: 'campaign', id: 'c4', campaignId: 'c4', status: 'ACTIVE', dailyBudgetMinor: 9000, deleted: true },
  ];
  it('adds up what spends: active campaign budgets and active ad sets of active campaigns', () => {
    expect(activeDailyBudgetMinor(holders)).toBe(4000);
  });
  it('counts a change: resuming a campaign brings its active ad sets in', () => {
    expect(activeDailyBudgetMinor(holders, { level: 'campaign', id: 'c2', campaignId: 'c2', status: 'ACTIVE' })).toBe(11000);
    expect(activeDailyBudgetMinor(holders, { level: 'adset', id: 's1', campaignId: 'c1', dailyBudgetMinor: 6000 })).toBe(7000);
    expect(activeDailyBudgetMinor(holders, { level: 'adset', id: 'new', campaignId: 'c1', status: 'ACTIVE', dailyBudgetMinor: 500 })).toBe(
      4500,
    );
  });
  it('refuses a draft above the ceiling, counting the new budget even when created paused', () => {
    expect(codes(draft(), { ...ctx, holders, dailyBudgetCeilingMinor: 6000 })).toEqual(['budget_ceiling']);
    expect(codes(draft(), { ...ctx, holders, dailyBudgetCeilingMinor: 6500 })).toEqual([]);
    expect(dailyCeilingFinding(6000, 6500, 'f', 'USD')?.message).toContain('65.00 USD');
    expect(dailyCeilingFinding(null, 1e9, 'f', 'USD')).toBeNull();
  });
  it('asks to confirm an increase above the threshold, not a cut', () => {
    expect(budgetChangeCheck(2000, 3010, 50)).toMatchObject({ percent: 50.5, needsConfirmation: true });
    expect(budgetChangeCheck(2000, 3001, 50)).toMatchObject({ needsConfirmation: true });
    expect(budgetChangeCheck(2000, 3000, 50)).toMatchObject({ percent: 50, needsConfirmation: false });
    expect(budgetChangeCheck(2000, 500, 50)).toMatchObject({ percent: -75, needsConfirmation: false });
    expect(budgetChangeCheck(null, 500, 50)).toBeNull();
  });
});

describe('schedule', () => {
  it('needs an end after the start for a lifetime budget, in the future', () => {
    expect(codes(draft((d) => (d.adSet.budget = { type: 'lifetime', amountMinor: 50000 })))).toEqual(['lifetime_needs_end']);
    expect(codes(draft((d) => Object.assign(d.adSet, { startTime: '2026-12-10T00:00:00Z', endTime: '2026-12-05T00:00:00Z' })))).toEqual([
      'schedule_order',
    ]);
    expect(codes(draft((d) => (d.adSet.endTime = '2026-11-01T00:00:00Z')))).toEqual(['schedule_past']);
  });
});
