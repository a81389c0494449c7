import type { GuardrailFinding, LeadCampaignTargeting } from '@legeai/contracts';
import { FINANCIAL_AGE_MAX, FINANCIAL_AGE_MIN, KM_PER_MILE, MIN_RADIUS_KM, MIN_RADIUS_MILES } from './financial-category';

const FIELD = 'adSet.targeting';

/**
 * What Meta refuses in the audience of a financial-products campaign, found before anything reaches Meta, each with a
 * message that says why (https://developers.facebook.com/docs/marketing-api/audiences/special-ad-category).
 * Pure: the same draft gives the same findings in the console (while the user fills the form) and on submit.
 */
export function financialTargetingFindings(targeting: LeadCampaignTargeting): GuardrailFinding[] {
  const findings: GuardrailFinding[] = [];
  const why = 'Insurance is a financial product: Meta requires these ads to reach';
  if (targeting.ageMin !== undefined && targeting.ageMin !== FINANCIAL_AGE_MIN) {
    findings.push(
      error(
        'financial_age_narrowing',
        `${FIELD}.ageMin`,
        `${why} everyone aged ${FINANCIAL_AGE_MIN} to ${FINANCIAL_AGE_MAX}+, so the minimum age cannot be changed.`,
      ),
    );
  }
  if (targeting.ageMax !== undefined && targeting.ageMax !== FINANCIAL_AGE_MAX) {
    findings.push(
      error(
        'financial_age_narrowing',
        `${FIELD}.ageMax`,
        `${why} everyone aged ${FINANCIAL_AGE_MIN} to ${FINANCIAL_AGE_MAX}+, so the maximum age cannot be changed.`,
      ),
    );
  }
  const genders = targeting.genders ?? [];
  if (genders.length > 0 && !(genders.includes(1) && genders.includes(2))) {
    findings.push(error('financial_gender', `${FIELD}.genders`, `${why} all genders: targeting by gender is not allowed.`));
  }
  if ((targeting.zips ?? []).length > 0) {
    findings.push(
      error(
        'financial_zip',
        `${FIELD}.zips`,
        `${why} whole areas: ZIP or postal code targeting is not allowed. Target a city with a radius of at least ${MIN_RADIUS_MILES} miles, a region or the country instead.`,
      ),
    );
  }
  (targeting.cities ?? []).forEach((city, i) => {
    if (city.radius === undefined) return;
    const miles = city.distanceUnit === 'kilometer' ? city.radius / KM_PER_MILE : city.radius;
    // A tenth of a mile of slack: 24.2 km is what people type for 15 miles.
    if (miles + 0.01 < MIN_RADIUS_MILES) {
      findings.push(
        error(
          'financial_radius',
          `${FIELD}.cities.${i}.radius`,
          `${why} whole areas: the radius around ${city.name ?? city.key} must be at least ${MIN_RADIUS_MILES} miles (${MIN_RADIUS_KM} km).`,
        ),
      );
    }
  });
  return findings;
}

function error(code: string, field: string, message: string): GuardrailFinding {
  return { code, severity: 'error', field, message };
}
