import { LeadField } from './lead-field';

/** What a question's answer becomes: a lead field, or nothing (the raw answer is still kept). */
export type MappingTarget = LeadField | 'ignore';

/**
 * A form's mapping, stored on `meta_lead_forms.mapping` (null there = defaults only). `fields` overrides the default
 * for the questions it names; questions it does not name keep their default mapping.
 */
export interface FormMapping {
  /** Question key → lead field or 'ignore'. */
  fields: Record<string, MappingTarget>;
  /** Values used when no answer fills the field (e.g. productInterest = "auto" on the auto form). */
  defaults: Partial<Record<LeadField, string>>;
  /** Fields a lead must have; a lead without one is kept and flagged for review. */
  required: LeadField[];
}

export const EMPTY_FORM_MAPPING: FormMapping = { fields: {}, defaults: {}, required: [] };
