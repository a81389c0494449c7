import { LeadDetailDto, LeadPage, LeadSource, LeadStatus, LeadSummaryDto } from '@legeai/contracts';

export function aLeadSummary(overrides: Partial<LeadSummaryDto> = {}): LeadSummaryDto {
  return {
    id: 'l-1',
    fullName: 'Anna Schmidt',
    email: 'anna@example.com',
    phone: '0151 2345678',
    phoneE164: '+491512345678',
    status: LeadStatus.New,
    source: LeadSource.MetaLeadAds,
    formId: '9001',
    formName: 'Car insurance quote',
    campaignId: 'c-1',
    campaignName: 'Autumn car campaign',
    isOrganic: false,
    isTest: false,
    duplicateOfId: null,
    duplicateRule: null,
    duplicateState: null,
    needsReview: false,
    premiumValue: null,
    premiumCurrency: null,
    receivedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function aLeadDetail(overrides: Partial<LeadDetailDto> = {}): LeadDetailDto {
  const summary = aLeadSummary(overrides);
  return {
    ...summary,
    firstName: 'Anna',
    lastName: 'Schmidt',
    emailNormalized: 'anna@example.com',
    streetAddress: null,
    city: 'Berlin',
    state: null,
    zipCode: '10115',
    country: 'DE',
    dateOfBirth: null,
    productInterest: 'car',
    rawAnswers: [{ name: 'full_name', values: ['Anna Schmidt'] }],
    consentResponses: [],
    attribution: {
      pageId: '1111',
      formId: summary.formId,
      adId: 'ad-1',
      adName: 'Carousel A',
      adsetId: 'as-1',
      adsetName: 'Berlin 25-45',
      campaignId: summary.campaignId,
      campaignName: summary.campaignName,
      platform: 'ig',
      isOrganic: summary.isOrganic,
      isTest: summary.isTest,
      metaLeadId: '777000111',
    },
    reviewReason: null,
    statusChangedAt: summary.receivedAt,
    createdAt: summary.receivedAt,
    updatedAt: summary.receivedAt,
    formLocale: 'DE_DE',
    answers: [{ key: 'full_name', label: 'Vollständiger Name', type: 'FULL_NAME', values: ['Anna Schmidt'] }],
    consent: null,
    pageName: 'Acme Versicherungen',
    premiumUnknown: false,
    currency: { code: 'EUR', source: 'ad_account' },
    statusHistory: [],
    contactMasked: false,
    duplicateLinks: { duplicateOf: null, duplicates: [], duplicatesTotal: 0 },
    customFields: [],
    ...overrides,
  };
}

export function aLeadPage(items: LeadSummaryDto[], total = items.length, limit = 25, offset = 0, extra: Partial<LeadPage> = {}): LeadPage {
  return { items, total, totalExact: true, limit, offset, nextCursor: null, ...extra };
}
