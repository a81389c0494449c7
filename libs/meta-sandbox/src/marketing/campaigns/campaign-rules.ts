import { GraphErrors } from '../../core/graph-errors';
import { parseEnum, parseList } from '../marketing-params';
import { adsError } from '../marketing-errors';

/**
 * Outcome-driven objectives: the only ones new campaigns may use
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group).
 */
export const ODAX_OBJECTIVES = [
  'OUTCOME_APP_PROMOTION',
  'OUTCOME_AWARENESS',
  'OUTCOME_ENGAGEMENT',
  'OUTCOME_LEADS',
  'OUTCOME_SALES',
  'OUTCOME_TRAFFIC',
] as const;

/** Pre-ODAX objectives: still readable on old campaigns, refused on create. */
export const LEGACY_OBJECTIVES: Record<string, string> = {
  LEAD_GENERATION: 'OUTCOME_LEADS',
  LINK_CLICKS: 'OUTCOME_TRAFFIC',
  CONVERSIONS: 'OUTCOME_SALES',
  PRODUCT_CATALOG_SALES: 'OUTCOME_SALES',
  STORE_VISITS: 'OUTCOME_AWARENESS',
  BRAND_AWARENESS: 'OUTCOME_AWARENESS',
  REACH: 'OUTCOME_AWARENESS',
  POST_ENGAGEMENT: 'OUTCOME_ENGAGEMENT',
  PAGE_LIKES: 'OUTCOME_ENGAGEMENT',
  EVENT_RESPONSES: 'OUTCOME_ENGAGEMENT',
  MESSAGES: 'OUTCOME_ENGAGEMENT',
  VIDEO_VIEWS: 'OUTCOME_ENGAGEMENT',
  APP_INSTALLS: 'OUTCOME_APP_PROMOTION',
};

export const SPECIAL_AD_CATEGORIES = [
  'NONE',
  'EMPLOYMENT',
  'HOUSING',
  'FINANCIAL_PRODUCTS_SERVICES',
  'ISSUES_ELECTIONS_POLITICS',
  'ONLINE_GAMBLING_AND_GAMING',
] as const;

export const BID_STRATEGIES = ['LOWEST_COST_WITHOUT_CAP', 'LOWEST_COST_WITH_BID_CAP', 'COST_CAP', 'LOWEST_COST_WITH_MIN_ROAS'] as const;
export const BUYING_TYPES = ['AUCTION', 'RESERVED'] as const;

/** Bid strategies that need an explicit `bid_amount` on every ad set. */
export const CAPPED_BID_STRATEGIES = ['LOWEST_COST_WITH_BID_CAP', 'COST_CAP'];

export function parseObjective(raw: string): string {
  const legacy = LEGACY_OBJECTIVES[raw];
  if (legacy) {
    // Wording is ours; Meta refuses legacy objectives on create since the ODAX migration
    // (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group).
    throw adsError(
      'legacyObjective',
      'Objective no longer available',
      `The ${raw} objective can no longer be used to create campaigns. Use an outcome-driven objective such as ` +
        `${legacy} instead. Valid objectives: ${ODAX_OBJECTIVES.join(', ')}.`,
      ['objective'],
    );
  }
  return parseEnum(raw, 'objective', ODAX_OBJECTIVES);
}

/**
 * `special_ad_categories` is required on every campaign (`[]` or `["NONE"]` when not special). CREDIT was replaced
 * by FINANCIAL_PRODUCTS_SERVICES on 2025-01-14; insurance belongs to FINANCIAL_PRODUCTS_SERVICES
 * (https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category).
 */
export function parseSpecialAdCategories(raw: string | undefined): string[] {
  if (raw === undefined) throw GraphErrors.invalidParameter('The parameter special_ad_categories is required');
  const values = parseList(raw, 'special_ad_categories');
  if (values.includes('CREDIT')) {
    throw adsError(
      'categoryRetired',
      'Special ad category no longer available',
      'The CREDIT special ad category was replaced by FINANCIAL_PRODUCTS_SERVICES. Ads about credit, insurance, ' +
        'bank accounts, investment or payment services must use FINANCIAL_PRODUCTS_SERVICES.',
      ['special_ad_categories'],
    );
  }
  for (const value of values) parseEnum(value, 'special_ad_categories[]', SPECIAL_AD_CATEGORIES);
  if (values.includes('NONE') && values.length > 1) {
    throw GraphErrors.invalidParameter('special_ad_categories cannot combine NONE with other categories');
  }
  return values.filter((value) => value !== 'NONE');
}

const ISO_COUNTRY = /^[A-Z]{2}$/;

/**
 * Countries are required as soon as a category is declared
 * (https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category).
 */
export function parseSpecialAdCategoryCountry(raw: string | undefined, categories: string[]): string[] {
  const countries = raw === undefined ? [] : parseList(raw, 'special_ad_category_country');
  for (const country of countries) {
    if (!ISO_COUNTRY.test(country))
      throw GraphErrors.invalidParameter(`special_ad_category_country must hold ISO country codes, got ${country}`);
  }
  if (categories.length > 0 && countries.length === 0) {
    throw adsError(
      'specialCategoryCountry',
      'Country required for special ad category',
      'Select the countries where your ads will run: special_ad_category_country is required when the campaign ' +
        'declares a special ad category.',
      ['special_ad_category_country'],
    );
  }
  return countries;
}
