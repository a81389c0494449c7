import { GraphError } from '../core/graph-error';

/**
 * Why the Marketing API refuses a write: code 100 "Invalid parameter" with a subcode, a title and a message for
 * people (`error_user_title`, `error_user_msg`) and the blamed field (`error_data.blame_field_specs`), as in
 * https://developers.facebook.com/docs/marketing-api/error-reference/.
 *
 * Meta publishes few subcodes. `source` says where each number comes from: `doc` (Meta's documentation or
 * changelog), `community` (seen verbatim in public client code and logs), `sandbox` (Meta's number for this refusal
 * is not known; the sandbox's own, stable value). Clients should key on the blamed field and the title for the
 * `sandbox` ones.
 */
export const ADS_ERRORS = {
  budgetTooLow: { subcode: 1885272, source: 'community' },
  budgetTooHigh: { subcode: 1885261, source: 'doc' },
  advantageAudienceRequired: { subcode: 1870227, source: 'community' },
  cannotEditDeleted: { subcode: 1487056, source: 'community' },
  invalidTargeting: { subcode: 1487079, source: 'community' },
  bidAmountRequired: { subcode: 2490487, source: 'community' },
  pageRoleRequired: { subcode: 1487202, source: 'community' },
  budgetLevelConflict: { subcode: 2875001, source: 'sandbox' },
  budgetRequired: { subcode: 2875002, source: 'sandbox' },
  endTimeRequired: { subcode: 2875003, source: 'sandbox' },
  invalidSchedule: { subcode: 2875004, source: 'sandbox' },
  specialCategoryAudience: { subcode: 2875005, source: 'sandbox' },
  specialCategoryCountry: { subcode: 2875006, source: 'sandbox' },
  categoryRetired: { subcode: 2875007, source: 'sandbox' },
  legacyObjective: { subcode: 2875008, source: 'sandbox' },
  lockedField: { subcode: 2875009, source: 'sandbox' },
  goalNotAvailable: { subcode: 2875010, source: 'sandbox' },
  billingNotAvailable: { subcode: 2875011, source: 'sandbox' },
  leadAdPageRequired: { subcode: 2875012, source: 'sandbox' },
  leadAdDestination: { subcode: 2875013, source: 'sandbox' },
  leadFormRequired: { subcode: 2875014, source: 'sandbox' },
  leadFormOtherPage: { subcode: 2875015, source: 'sandbox' },
  leadFormInactive: { subcode: 2875016, source: 'sandbox' },
  callToActionNotAllowed: { subcode: 2875017, source: 'sandbox' },
  imageNotFound: { subcode: 2875018, source: 'sandbox' },
  invalidImage: { subcode: 2875019, source: 'sandbox' },
  bidStrategyLevel: { subcode: 2875020, source: 'sandbox' },
  attributionSpec: { subcode: 2875021, source: 'sandbox' },
} as const;

export type AdsErrorName = keyof typeof ADS_ERRORS;

export function adsError(name: AdsErrorName, userTitle: string, userMessage: string, blame?: string[]): GraphError {
  return new GraphError({
    code: 100,
    message: 'Invalid parameter',
    subcode: ADS_ERRORS[name].subcode,
    isTransient: false,
    userTitle,
    userMessage,
    data: blame ? { blame_field_specs: [blame] } : undefined,
  });
}
