import { DUPLICATE_SIGNAL_LABELS, LEAD_FIELD_NAMES, LeadFieldName, LeadStatus } from '@legeai/contracts';

import { humanizeKey, inSentence } from './humanize';

export const LEAD_STATUS_LABELS: Readonly<Record<LeadStatus, string>> = {
  [LeadStatus.New]: 'New',
  [LeadStatus.Contacted]: 'Contacted',
  [LeadStatus.Qualified]: 'Qualified',
  [LeadStatus.Quoted]: 'Quoted',
  [LeadStatus.Won]: 'Won',
  [LeadStatus.Lost]: 'Lost',
};

/** Lead fields as people read them. */
export const LEAD_FIELD_LABELS: Readonly<Record<LeadFieldName, string>> = {
  fullName: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  streetAddress: 'Street address',
  city: 'City',
  state: 'State',
  zipCode: 'ZIP code',
  country: 'Country',
  dateOfBirth: 'Date of birth',
  productInterest: 'Product interest',
};

/** What linked a lead to an earlier one of the same person ("Same email"), as the API words it. */
export const DUPLICATE_RULE_LABELS: Readonly<Record<string, string>> = DUPLICATE_SIGNAL_LABELS;

/**
 * The server's review reason with lead field keys in words: "Missing required dateOfBirth, zipCode" → "Missing
 * required date of birth, ZIP code". The reason is a sentence built by the server, so only the keys are replaced.
 */
export function describeReviewReason(reason: string): string {
  return reason.replace(FIELD_KEY, (key) => inSentence(LEAD_FIELD_LABELS[key as LeadFieldName]));
}

/** Field keys written as one camelCase word (the single-word ones already read as words). */
const FIELD_KEY = new RegExp(`\\b(${LEAD_FIELD_NAMES.filter((f) => /[A-Z]/.test(f)).join('|')})\\b`, 'g');

/**
 * A form question's key as a label, for answers shown without their question: Meta's standard keys (`full_name`,
 * `phone_number`) and custom ones (`vehicle_type`) alike.
 */
export function answerLabel(key: string): string {
  return QUESTION_KEY_LABELS[key] ?? humanizeKey(key);
}

const QUESTION_KEY_LABELS: Readonly<Record<string, string>> = {
  zip_code: 'ZIP code',
  zip: 'ZIP code',
  post_code: 'Post code',
  date_of_birth: 'Date of birth',
  dob: 'Date of birth',
};
