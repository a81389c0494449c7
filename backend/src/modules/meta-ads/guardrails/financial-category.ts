/**
 * Meta's special ad category for financial products and services, which covers insurance: required since
 * 2025-01-14 for campaigns of advertisers based in the United States or showing ads to audiences there; it replaced
 * CREDIT. A campaign that declares it must also name the countries it runs in (`special_ad_category_country`).
 * https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category
 */
export const FINANCIAL_CATEGORY = 'FINANCIAL_PRODUCTS_SERVICES';

/** Countries where targeting an audience requires the category. */
export const FINANCIAL_CATEGORY_COUNTRIES: readonly string[] = ['US'];

/**
 * Audiences of the category must be reachable by everyone 18 to 65+, whatever their gender, and may not be narrowed to
 * postcodes or a radius under 15 miles (about 24 km) around a place.
 * https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category#targeting
 */
export const FINANCIAL_AGE_MIN = 18;
export const FINANCIAL_AGE_MAX = 65;
export const MIN_RADIUS_MILES = 15;
export const KM_PER_MILE = 1.609344;
/** 15 miles, rounded up to the next tenth of a kilometre so that a "24.2 km" radius the console offers is allowed. */
export const MIN_RADIUS_KM = Math.ceil(MIN_RADIUS_MILES * KM_PER_MILE * 10) / 10;

export interface SpecialCategoryChoice {
  specialAdCategories: string[];
  specialAdCategoryCountry: string[];
}

/**
 * The categories the product sets for a campaign targeting these countries: the financial category and every
 * targeted country when one of them is a country where it applies; none otherwise. The user never picks it.
 */
export function specialCategoriesFor(countries: readonly string[]): SpecialCategoryChoice {
  const targeted = [...new Set(countries.map((c) => c.toUpperCase()))].sort();
  if (!targeted.some((country) => FINANCIAL_CATEGORY_COUNTRIES.includes(country)))
    return { specialAdCategories: [], specialAdCategoryCountry: [] };
  return { specialAdCategories: [FINANCIAL_CATEGORY], specialAdCategoryCountry: targeted };
}
