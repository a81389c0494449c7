/**
 * The contact fields of a `Lead` that a form's answers can fill. The names are the entity's property names, so a
 * mapping result can be spread straight into a `Partial<Lead>`.
 */
export const LEAD_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'country',
  'dateOfBirth',
  'productInterest',
] as const;

export type LeadField = (typeof LEAD_FIELDS)[number];

export function isLeadField(value: unknown): value is LeadField {
  return typeof value === 'string' && (LEAD_FIELDS as readonly string[]).includes(value);
}
