import { AdAccountSyncStateDto, AdsGuardrailsDto, MetaAdDto, MetaAdSetDto, MetaCampaignDto, Page } from '@legeai/contracts';

export function aCampaign(overrides: Partial<MetaCampaignDto> = {}): MetaCampaignDto {
  return {
    id: 'c-1',
    campaignId: '120210000000001100',
    adAccountId: 'act_1015012345',
    adAccountName: 'Harbor Point Leads',
    name: 'Home insurance NJ',
    status: 'ACTIVE',
    effectiveStatus: 'ACTIVE',
    objective: 'OUTCOME_LEADS',
    specialAdCategories: ['FINANCIAL_PRODUCTS_SERVICES'],
    specialAdCategoryCountry: ['US'],
    currency: 'USD',
    dailyBudgetMinor: 10000,
    lifetimeBudgetMinor: null,
    bidStrategy: 'LOWEST_COST_WITHOUT_CAP',
    startTime: '2026-11-01T10:00:00.000Z',
    stopTime: null,
    adSetCount: 1,
    adCount: 2,
    problems: [],
    results: null,
    updatedAt: '2026-12-01T10:00:00.000Z',
    syncedAt: '2026-12-05T06:00:00.000Z',
    ...overrides,
  };
}

export function anAdSet(overrides: Partial<MetaAdSetDto> = {}): MetaAdSetDto {
  return {
    id: 's-1',
    adSetId: '120210000000001101',
    campaignId: '120210000000001100',
    adAccountId: 'act_1015012345',
    name: 'NJ homeowners',
    status: 'ACTIVE',
    effectiveStatus: 'ACTIVE',
    optimizationGoal: 'QUALITY_LEAD',
    billingEvent: 'IMPRESSIONS',
    destinationType: 'ON_AD',
    pageId: '1111',
    currency: 'USD',
    dailyBudgetMinor: null,
    lifetimeBudgetMinor: null,
    bidStrategy: null,
    startTime: '2026-11-01T10:00:00.000Z',
    endTime: null,
    targeting: {
      text: 'United States · New Jersey · 18–65+ · all genders',
      countries: ['US'],
      regions: ['New Jersey'],
      cities: [],
      zips: [],
      ageMin: 18,
      ageMax: 65,
      genders: [],
    },
    problems: [],
    results: null,
    updatedAt: null,
    syncedAt: '2026-12-05T06:00:00.000Z',
    ...overrides,
  };
}

export function anAd(overrides: Partial<MetaAdDto> = {}): MetaAdDto {
  return {
    id: 'a-1',
    adId: '120210000000001102',
    adSetId: '120210000000001101',
    campaignId: '120210000000001100',
    adAccountId: 'act_1015012345',
    name: 'Blue house',
    status: 'ACTIVE',
    effectiveStatus: 'DISAPPROVED',
    creative: {
      creativeId: 'cr-1',
      name: null,
      body: 'Compare home insurance from local agents.',
      headline: 'Get a quote in 2 minutes',
      description: null,
      callToAction: 'GET_QUOTE',
      imageUrl: null,
      imageHash: 'abc',
    },
    leadFormId: 'form-9',
    leadFormName: 'Home quote',
    problems: [
      {
        level: 'ad',
        objectId: '120210000000001102',
        kind: 'review_rejected',
        title: 'Financial services',
        message: 'Ads about financial products must not imply personal attributes.',
      },
    ],
    results: null,
    updatedAt: null,
    syncedAt: '2026-12-05T06:00:00.000Z',
    ...overrides,
  };
}

export function aPage<T>(items: T[], total = items.length): Page<T> {
  return { items, total, limit: 25, offset: 0 };
}

export function aSyncState(overrides: Partial<AdAccountSyncStateDto> = {}): AdAccountSyncStateDto {
  return {
    adAccountId: 'act_1015012345',
    adAccountName: 'Harbor Point Leads',
    currency: 'USD',
    state: 'ok',
    lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    lastError: null,
    lastRequests: 12,
    counts: { campaigns: 1, adSets: 1, ads: 2 },
    ...overrides,
  };
}

export function someGuardrails(overrides: Partial<AdsGuardrailsDto> = {}): AdsGuardrailsDto {
  return {
    financialCategoryCountries: ['US'],
    minRadiusMiles: 15,
    minRadiusKm: 24.2,
    dailyBudgetCeilingMinor: 50000,
    confirmChangeAbovePercent: 50,
    ...overrides,
  };
}
