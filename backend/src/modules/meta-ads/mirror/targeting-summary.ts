import type { TargetingSummary } from '@legeai/contracts';

type Spec = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const obj = (value: unknown): Spec => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Spec) : {});
/** A string or number as text; anything else (an object Meta did not send) as empty. */
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const placeName = (place: unknown): string => {
  const p = obj(place);
  const name = typeof p['name'] === 'string' ? p['name'] : text(p['key']);
  return p['radius'] !== undefined ? `${name} +${text(p['radius'])} ${p['distance_unit'] === 'kilometer' ? 'km' : 'mi'}` : name;
};

/**
 * A readable summary of Meta's targeting spec (https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting),
 * and the parts the guardrails look at: places, ages and genders.
 */
export function summariseTargeting(targeting: Spec | undefined): TargetingSummary {
  const spec = obj(targeting);
  const geo = obj(spec['geo_locations']);
  const countries = list(geo['countries']).map(String);
  const regions = list(geo['regions']).map(placeName);
  const cities = list(geo['cities']).map(placeName);
  const zips = [...list(geo['zips']), ...list(geo['postal_codes'])].map((z) => (typeof z === 'string' ? z : text(obj(z)['key'])));
  const ageMin = typeof spec['age_min'] === 'number' ? spec['age_min'] : null;
  const ageMax = typeof spec['age_max'] === 'number' ? spec['age_max'] : null;
  const genders = list(spec['genders'])
    .map(Number)
    .filter((g) => g === 1 || g === 2);
  const places = [
    countries.join(', '),
    regions.join(', '),
    cities.join(', '),
    zips.length ? `${zips.length} ZIP code${zips.length > 1 ? 's' : ''}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const ages = `${ageMin ?? 18}–${ageMax === null || ageMax >= 65 ? '65+' : ageMax}`;
  const gender = genders.length === 1 ? (genders[0] === 1 ? 'men' : 'women') : 'all genders';
  return { text: [places || 'no location', ages, gender].join(' · '), countries, regions, cities, zips, ageMin, ageMax, genders };
}
