/**
 * Person-level duplicates: how a new lead is matched to an earlier lead of the same person, what the two states
 * mean, and the organisation's rule.
 */

/** The signal that linked a lead to its original. */
export type DuplicateSignal = 'email' | 'phone_name' | 'phone';

/**
 * - `duplicate`: the same person (by the organisation's rule).
 * - `possible`: perhaps the same person; an agent confirms it (then `duplicate`) or dismisses it (then unlinked).
 */
export type DuplicateState = 'duplicate' | 'possible';

/** What one signal makes of a match: a duplicate, a possible duplicate, or nothing. */
export type DuplicateMatchLevel = 'duplicate' | 'possible' | 'ignore';

export const DUPLICATE_MATCH_LEVELS: readonly DuplicateMatchLevel[] = ['duplicate', 'possible', 'ignore'];

/** The human words of each signal, as shown next to a linked lead. */
export const DUPLICATE_SIGNAL_LABELS: Readonly<Record<DuplicateSignal, string>> = {
  email: 'Same email',
  phone_name: 'Same phone and name',
  phone: 'Same phone only',
};

/** The human words of a stored rule; unknown values (older rows) fall back to a plain phrase. */
export function duplicateSignalLabel(rule: string | null): string | null {
  if (!rule) return null;
  return (DUPLICATE_SIGNAL_LABELS as Record<string, string>)[rule] ?? 'Same contact details';
}

/**
 * The organisation's person-matching rule: what each signal makes of a match, within `windowDays` before the new
 * lead. A phone shared with a different name can never weigh more than the same phone with the same name.
 */
export interface DuplicateRuleSettingsDto {
  /** Same normalised email address. */
  email: DuplicateMatchLevel;
  /** Same phone (E.164) and the same name. */
  phoneAndName: DuplicateMatchLevel;
  /** Same phone, the names differ or one is missing. */
  phoneOnly: DuplicateMatchLevel;
  /** How many days back an earlier lead counts (1 to 365). */
  windowDays: number;
}

/** `GET/PUT /v1/lead-duplicate-settings`: the rule, and since when it applies (null while it is the default). */
export interface DuplicateSettingsDto extends DuplicateRuleSettingsDto {
  /** When the rule was last changed; it applies to leads arriving after that. */
  updatedAt: string | null;
  /** Whether this is the default rule (the organisation never changed it). */
  isDefault: boolean;
}

export type UpdateDuplicateSettingsRequest = DuplicateRuleSettingsDto;

/** One lead on the other side of a duplicate link, for the drawer. */
export interface LeadDuplicateLinkDto {
  id: string;
  fullName: string | null;
  receivedAt: string;
  state: DuplicateState;
  /** The signal that matched (`email`, `phone_name`, `phone`). */
  rule: string | null;
  /** The signal in human words ("Same email"). */
  ruleLabel: string | null;
}

/** `GET /v1/leads/{id}/duplicates`: both sides of a lead's links. */
export interface LeadDuplicatesDto {
  duplicateOf: LeadDuplicateLinkDto | null;
  /** Oldest first, at most 100. */
  duplicates: LeadDuplicateLinkDto[];
  /** How many leads are linked to this one in all. */
  duplicatesTotal: number;
}

/** `POST /v1/leads/{id}/not-duplicate`: unlinks the lead from `otherLeadId` (either side of the link). */
export interface NotDuplicateRequest {
  otherLeadId: string;
  reason?: string;
}

/** The list filter on duplicate state: linked as a duplicate, as a possible duplicate, or not linked. */
export type DuplicateStateFilter = DuplicateState | 'none';
export const DUPLICATE_STATE_FILTERS: readonly DuplicateStateFilter[] = ['duplicate', 'possible', 'none'];
