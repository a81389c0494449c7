import { CUSTOM_FIELD_TARGET_PREFIX, CustomFieldTarget, LEAD_FIELD_KEY_PATTERN } from '@legeai/contracts';
import { LeadField } from './lead-field';

/**
 * What a question's answer becomes: a lead field, one of the organisation's custom fields (`custom:<key>`), or
 * nothing (the raw answer is still kept).
 */
export type MappingTarget = LeadField | CustomFieldTarget | 'ignore';

/** The custom field key of a `custom:<key>` target; null for any other target. */
export function customFieldKey(target: unknown): string | null {
  if (typeof target !== 'string' || !target.startsWith(CUSTOM_FIELD_TARGET_PREFIX)) return null;
  const key = target.slice(CUSTOM_FIELD_TARGET_PREFIX.length);
  return LEAD_FIELD_KEY_PATTERN.test(key) ? key : null;
}

/**
 * A form's mapping, stored on `meta_lead_forms.mapping` (null there = defaults only). `fields` overrides the default
 * for the questions it names; questions it does not name keep their default mapping.
 */
export interface FormMapping {
  /** Question key → lead field, custom field (`custom:<key>`) or 'ignore'. */
  fields: Record<string, MappingTarget>;
  /** Values used when no answer fills the field (e.g. productInterest = "auto" on the auto form). */
  defaults: Partial<Record<LeadField, string>>;
  /** Fields a lead must have; a lead without one is kept and flagged for review. */
  required: LeadField[];
}

export const EMPTY_FORM_MAPPING: FormMapping = { fields: {}, defaults: {}, required: [] };
