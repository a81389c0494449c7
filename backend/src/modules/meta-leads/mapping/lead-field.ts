import { LEAD_FIELD_NAMES, LeadFieldName } from '@legeai/contracts';

/**
 * The contact fields of a `Lead` that a form's answers can fill. The names are the entity's property names, so a
 * mapping result can be spread straight into a `Partial<Lead>`; the list itself is shared with the console.
 */
export const LEAD_FIELDS = LEAD_FIELD_NAMES;

export type LeadField = LeadFieldName;

export function isLeadField(value: unknown): value is LeadField {
  return typeof value === 'string' && (LEAD_FIELDS as readonly string[]).includes(value);
}

/** Column widths of `leads`: longer answers are cut rather than failing the insert. */
export const LEAD_FIELD_MAX_LENGTH: Record<LeadField, number> = {
  fullName: 200,
  firstName: 100,
  lastName: 100,
  email: 320,
  phone: 50,
  streetAddress: 255,
  city: 120,
  state: 120,
  zipCode: 20,
  country: 2,
  dateOfBirth: 10,
  productInterest: 100,
};
