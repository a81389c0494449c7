import { GraphErrors } from '../../core/graph-errors';
import { isObject, parseJson } from '../marketing-params';
import { adsError } from '../marketing-errors';

const KM_PER_MILE = 1.609344;
const MIN_RADIUS_MILES = 15;

/**
 * Checks an ad set's `targeting` spec (https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting/):
 * - `geo_locations` is required;
 * - `targeting_automation.advantage_audience` must be 0 or 1 (else 100/1870227);
 * - under a special ad category (https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category/):
 *   ages 18 to 65+ only, no gender, no ZIP or postal codes, a radius of at least 15 miles, no lookalikes, no
 *   detailed targeting exclusions and none of the demographic options Ads Manager removes for these categories.
 */
export function parseTargeting(raw: string | undefined, specialCategories: string[]): Record<string, unknown> {
  if (raw === undefined) throw GraphErrors.invalidParameter('The parameter targeting is required');
  const targeting = parseJson(raw, 'targeting');
  if (!isObject(targeting)) throw GraphErrors.invalidParameter('Param targeting must be a JSON object');
  const geo = targeting['geo_locations'];
  const places = ['countries', 'regions', 'cities', 'zips', 'custom_locations', 'geo_markets', 'location_cluster_ids'];
  if (!isObject(geo) || !places.some((key) => Array.isArray(geo[key]) && (geo[key] as unknown[]).length > 0)) {
    throw adsError(
      'invalidTargeting',
      'No Location Specified',
      'Your audience needs at least one location: add targeting.geo_locations with countries, regions, cities or custom locations.',
      ['targeting', 'geo_locations'],
    );
  }
  checkAges(targeting);
  checkAdvantageAudience(targeting);
  if (specialCategories.length > 0) checkSpecialCategoryAudience(targeting, geo, specialCategories);
  return targeting;
}

function checkAges(targeting: Record<string, unknown>): void {
  const min = targeting['age_min'];
  const max = targeting['age_max'];
  const bad = (name: string) =>
    adsError(
      'invalidTargeting',
      'Invalid Age Range',
      `targeting.${name} must be a whole number between 13 and 65 (65 means 65 and older).`,
      ['targeting', name],
    );
  if (min !== undefined && (!Number.isInteger(min) || (min as number) < 13 || (min as number) > 65)) throw bad('age_min');
  if (max !== undefined && (!Number.isInteger(max) || (max as number) < 13 || (max as number) > 65)) throw bad('age_max');
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    throw adsError('invalidTargeting', 'Invalid Age Range', 'targeting.age_min cannot be greater than targeting.age_max.', [
      'targeting',
      'age_min',
    ]);
  }
}

function checkAdvantageAudience(targeting: Record<string, unknown>): void {
  const automation = targeting['targeting_automation'];
  const flag = isObject(automation) ? automation['advantage_audience'] : undefined;
  if (flag === 0 || flag === 1 || flag === '0' || flag === '1') return;
  throw adsError(
    'advantageAudienceRequired',
    'Advantage Audience Flag Required',
    'To create your ad set, you need to enable or disable the Advantage audience feature. Set the advantage_audience ' +
      'flag to either 1 or 0 within the targeting_automation field of the targeting spec.',
    ['targeting', 'targeting_automation', 'advantage_audience'],
  );
}

/** Demographic detailed targeting options that special ad category audiences may not use. */
const DEMOGRAPHIC_OPTIONS = [
  'income',
  'family_statuses',
  'life_events',
  'relationship_statuses',
  'education_statuses',
  'education_majors',
  'industries',
  'work_positions',
  'work_employers',
  'interested_in',
];

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function checkSpecialCategoryAudience(targeting: Record<string, unknown>, geo: Record<string, unknown>, categories: string[]): void {
  const category = categories.join(', ');
  const refuse = (what: string, blame: string[]) =>
    adsError(
      'specialCategoryAudience',
      'Audience Not Allowed for Special Ad Category',
      `Campaigns in the ${category} special ad category ${what}`,
      ['targeting', ...blame],
    );
  const min = targeting['age_min'];
  const max = targeting['age_max'];
  if (min !== undefined && min !== 18) throw refuse('must include ages 18 to 65+: age_min cannot be changed.', ['age_min']);
  if (max !== undefined && max !== 65) throw refuse('must include ages 18 to 65+: age_max cannot be changed.', ['age_max']);
  const genders = targeting['genders'];
  if (Array.isArray(genders) && genders.length > 0 && !(genders.includes(1) && genders.includes(2))) {
    throw refuse('cannot target by gender.', ['genders']);
  }
  for (const key of ['zips', 'postal_codes']) {
    if (asArray(geo[key]).length > 0) throw refuse('cannot target ZIP or postal codes.', ['geo_locations', key]);
  }
  for (const key of ['custom_locations', 'cities']) {
    for (const place of asArray(geo[key])) {
      if (!isObject(place) || place['radius'] === undefined) continue;
      const radius = Number(place['radius']);
      const miles = place['distance_unit'] === 'kilometer' ? radius / KM_PER_MILE : radius;
      if (!(miles >= MIN_RADIUS_MILES))
        throw refuse('need a radius of at least 15 miles (about 24 km) around a location.', ['geo_locations', key]);
    }
  }
  for (const key of ['custom_audiences', 'excluded_custom_audiences']) {
    if (asArray(targeting[key]).some((audience) => isObject(audience) && audience['subtype'] === 'LOOKALIKE')) {
      throw refuse('cannot use lookalike audiences.', [key]);
    }
  }
  if (isObject(targeting['exclusions']) && Object.keys(targeting['exclusions']).length > 0) {
    throw refuse('cannot exclude people by detailed targeting.', ['exclusions']);
  }
  const specs = [targeting, ...asArray(targeting['flexible_spec']).filter(isObject)];
  for (const spec of specs) {
    const used = DEMOGRAPHIC_OPTIONS.find((option) => asArray(spec[option]).length > 0);
    if (used) throw refuse(`cannot use the ${used} demographic option.`, spec === targeting ? [used] : ['flexible_spec', used]);
  }
}
