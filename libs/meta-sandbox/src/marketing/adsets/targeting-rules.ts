import { GraphErrors } from '../../core/graph-errors';
import { invalidWithUserMessage, isObject, parseJson } from '../marketing-params';

const KM_PER_MILE = 1.609344;

/**
 * Checks an ad set's `targeting` spec (notes §0, §5.2):
 * - `geo_locations` is required;
 * - `targeting_automation.advantage_audience` must be 0 or 1 (else 100/1870227);
 * - under a special ad category: no age or gender narrowing, no ZIP codes, radius ≥ 15 miles.
 */
export function parseTargeting(raw: string | undefined, specialCategories: string[]): Record<string, unknown> {
  if (raw === undefined) throw GraphErrors.invalidParameter('The parameter targeting is required');
  const targeting = parseJson(raw, 'targeting');
  if (!isObject(targeting)) throw GraphErrors.invalidParameter('Param targeting must be a JSON object');
  const geo = targeting['geo_locations'];
  if (!isObject(geo) || !['countries', 'regions', 'cities', 'zips', 'custom_locations', 'geo_markets', 'location_cluster_ids'].some((key) => Array.isArray(geo[key]) && (geo[key] as unknown[]).length > 0)) {
    throw invalidWithUserMessage('No Location Specified', 'Your audience needs at least one location: add targeting.geo_locations with countries, regions, cities or custom locations.', {
      blame: ['targeting', 'geo_locations'],
    });
  }
  checkAges(targeting);
  checkAdvantageAudience(targeting);
  if (specialCategories.length > 0) checkSpecialCategoryAudience(targeting, geo, specialCategories);
  return targeting;
}

function checkAges(targeting: Record<string, unknown>): void {
  const min = targeting['age_min'];
  const max = targeting['age_max'];
  if (min !== undefined && (typeof min !== 'number' || min < 13 || min > 65)) throw GraphErrors.invalidParameter('targeting.age_min must be between 13 and 65');
  if (max !== undefined && (typeof max !== 'number' || max < 13 || max > 65)) throw GraphErrors.invalidParameter('targeting.age_max must be between 13 and 65');
  if (typeof min === 'number' && typeof max === 'number' && min > max) throw GraphErrors.invalidParameter('targeting.age_min cannot be greater than targeting.age_max');
}

function checkAdvantageAudience(targeting: Record<string, unknown>): void {
  const automation = targeting['targeting_automation'];
  const flag = isObject(automation) ? automation['advantage_audience'] : undefined;
  if (flag === 0 || flag === 1 || flag === '0' || flag === '1') return;
  throw invalidWithUserMessage(
    'Advantage Audience Flag Required',
    'To create your ad set, you need to enable or disable the Advantage audience feature. Set the advantage_audience ' +
      'flag to either 1 or 0 within the targeting_automation field of the targeting spec.',
    { subcode: 1870227, blame: ['targeting', 'targeting_automation', 'advantage_audience'] },
  );
}

/** Housing, employment and financial products/services audiences cannot be narrowed by age, gender or ZIP. */
function checkSpecialCategoryAudience(targeting: Record<string, unknown>, geo: Record<string, unknown>, categories: string[]): void {
  const category = categories.join(', ');
  const refuse = (what: string, blame: string[]) =>
    invalidWithUserMessage('Audience Not Allowed for Special Ad Category', `Campaigns in the ${category} special ad category ${what}`, {
      blame: ['targeting', ...blame],
    });
  const min = targeting['age_min'];
  const max = targeting['age_max'];
  if (min !== undefined && min !== 18) throw refuse('must include ages 18 to 65+: age_min cannot be changed.', ['age_min']);
  if (max !== undefined && max !== 65) throw refuse('must include ages 18 to 65+: age_max cannot be changed.', ['age_max']);
  const genders = targeting['genders'];
  if (Array.isArray(genders) && genders.length > 0 && !(genders.includes(1) && genders.includes(2))) {
    throw refuse('cannot target by gender.', ['genders']);
  }
  if (Array.isArray(geo['zips']) && (geo['zips'] as unknown[]).length > 0) throw refuse('cannot target ZIP or postal codes.', ['geo_locations', 'zips']);
  for (const place of [...asArray(geo['custom_locations']), ...asArray(geo['cities'])]) {
    if (!isObject(place) || place['radius'] === undefined) continue;
    const radius = Number(place['radius']);
    const miles = place['distance_unit'] === 'kilometer' ? radius / KM_PER_MILE : radius;
    if (!(miles >= 15)) throw refuse('need a radius of at least 15 miles (25 km) around a location.', ['geo_locations']);
  }
  for (const key of ['custom_audiences', 'excluded_custom_audiences']) {
    if (asArray(targeting[key]).some((audience) => isObject(audience) && audience['subtype'] === 'LOOKALIKE')) {
      throw refuse('cannot use lookalike audiences.', [key]);
    }
  }
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
