import { LeadStatus, type UpdateLeadStatusRequest } from '@legeai/contracts';
import { ValidationFailedError } from '../../common/errors/api-error';

export interface LeadPremium {
  premiumValue: string | null;
  premiumCurrency: string | null;
}

type PremiumRequest = Pick<UpdateLeadStatusRequest, 'status' | 'premiumValue' | 'premiumCurrency' | 'premiumUnknown'>;

/**
 * The premium fields a status request sets, with the rules that make a premium hard to get wrong:
 * - won needs a premium, or an explicit `premiumUnknown: true` (which stores none);
 * - a premium without a currency is in the lead's currency (its ad account's, else the organisation's); with none
 *   known the request must name one, as a guessed currency would be silently wrong;
 * - `premiumUnknown` is for won only, and never with a value.
 * Throws 400 naming the field otherwise.
 */
export function requestedPremium(
  request: PremiumRequest,
  leadCurrency: string | null,
): { premium: Partial<LeadPremium>; unknown: boolean } {
  const unknown = request.premiumUnknown === true;
  if (unknown && request.premiumValue !== undefined) {
    fail('premiumUnknown', 'Send either premiumValue or premiumUnknown: true, not both');
  }
  if (unknown && request.status !== LeadStatus.Won) fail('premiumUnknown', 'premiumUnknown is only for a won lead');
  if (request.status === LeadStatus.Won && request.premiumValue === undefined && !unknown) {
    fail('premiumValue', 'A won lead needs its premium: send premiumValue, or premiumUnknown: true when it is not known yet');
  }
  if (unknown) return { premium: { premiumValue: null, premiumCurrency: null }, unknown };
  const premium: Partial<LeadPremium> = {};
  if (request.premiumValue !== undefined) {
    premium.premiumValue = request.premiumValue;
    const currency = request.premiumCurrency ?? leadCurrency;
    if (!currency) {
      fail(
        'premiumCurrency',
        'No currency is known for this lead (no ad account of its Page has one and the organisation has no default currency): send premiumCurrency',
      );
    }
    premium.premiumCurrency = currency;
  } else if (request.premiumCurrency !== undefined) {
    premium.premiumCurrency = request.premiumCurrency;
  }
  return { premium, unknown };
}

/**
 * The premium fields that differ from what is stored ("1249.5" equals a stored "1249.50"). Empty when the request
 * changes nothing.
 */
export function premiumChange(current: LeadPremium, wanted: Partial<LeadPremium>): Partial<LeadPremium> {
  const change: Partial<LeadPremium> = {};
  if (wanted.premiumValue !== undefined && !sameAmount(current.premiumValue, wanted.premiumValue)) {
    change.premiumValue = wanted.premiumValue;
  }
  if (wanted.premiumCurrency !== undefined && wanted.premiumCurrency !== current.premiumCurrency) {
    change.premiumCurrency = wanted.premiumCurrency;
  }
  return change;
}

/** Decimal strings of at most 12 digits (numeric(12,2)) compare exactly as numbers. */
function sameAmount(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Number(a) === Number(b);
}

function fail(field: string, message: string): never {
  throw new ValidationFailedError([{ field, messages: [message] }]);
}
