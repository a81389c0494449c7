import type { UpdateLeadStatusRequest } from '@legeai/contracts';

export interface LeadPremium {
  premiumValue: string | null;
  premiumCurrency: string | null;
}

/**
 * The premium fields a status request would change on a lead: only those it sends that differ from what is stored
 * ("1249.5" equals a stored "1249.50"). Empty when the request sends none, or only the stored values.
 */
export function premiumChange(current: LeadPremium, request: Pick<UpdateLeadStatusRequest, 'premiumValue' | 'premiumCurrency'>): Partial<LeadPremium> {
  const change: Partial<LeadPremium> = {};
  if (request.premiumValue !== undefined && !sameAmount(current.premiumValue, request.premiumValue)) {
    change.premiumValue = request.premiumValue;
  }
  if (request.premiumCurrency !== undefined && request.premiumCurrency !== current.premiumCurrency) {
    change.premiumCurrency = request.premiumCurrency;
  }
  return change;
}

/** Decimal strings of at most 12 digits (numeric(12,2)) compare exactly as numbers. */
function sameAmount(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Number(a) === Number(b);
}
