import { LeadField } from './lead-field';

/**
 * How Meta's standard questions map by default. `primary` answers win over `fallback` ones for the same field (a
 * form asking both `email` and `work_email` fills `email` from `email`).
 */
export interface DefaultTarget {
  field: LeadField;
  rank: 'primary' | 'fallback';
}

const primary = (field: LeadField): DefaultTarget => ({ field, rank: 'primary' });
const fallback = (field: LeadField): DefaultTarget => ({ field, rank: 'fallback' });

/**
 * Meta's standard question keys (https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create) and the
 * common custom keys insurers use for the product.
 */
const BY_KEY: Record<string, DefaultTarget> = {
  full_name: primary('fullName'),
  first_name: primary('firstName'),
  last_name: primary('lastName'),
  email: primary('email'),
  work_email: fallback('email'),
  phone_number: primary('phone'),
  phone: primary('phone'),
  work_phone_number: fallback('phone'),
  street_address: primary('streetAddress'),
  city: primary('city'),
  state: primary('state'),
  province: primary('state'),
  zip_code: primary('zipCode'),
  zip: primary('zipCode'),
  post_code: primary('zipCode'),
  postal_code: primary('zipCode'),
  country: primary('country'),
  date_of_birth: primary('dateOfBirth'),
  dob: primary('dateOfBirth'),
  product: fallback('productInterest'),
  product_interest: primary('productInterest'),
  insurance_type: fallback('productInterest'),
  coverage_type: fallback('productInterest'),
};

/** Meta's question types; a standard question keeps its type even when the advertiser renamed its key. */
const BY_TYPE: Record<string, DefaultTarget> = {
  FULL_NAME: primary('fullName'),
  FIRST_NAME: primary('firstName'),
  LAST_NAME: primary('lastName'),
  EMAIL: primary('email'),
  WORK_EMAIL: fallback('email'),
  PHONE: primary('phone'),
  WORK_PHONE_NUMBER: fallback('phone'),
  STREET_ADDRESS: primary('streetAddress'),
  CITY: primary('city'),
  STATE: primary('state'),
  PROVINCE: primary('state'),
  ZIP: primary('zipCode'),
  POST_CODE: primary('zipCode'),
  COUNTRY: primary('country'),
  DOB: primary('dateOfBirth'),
  DATE_OF_BIRTH: primary('dateOfBirth'),
};

/** The default target of a question, from its type first (it is Meta's own statement), then from its key. */
export function defaultTarget(key: string, type: string | null): DefaultTarget | null {
  // Own properties only: a question keyed `constructor` must not find Object.prototype's.
  if (type && Object.hasOwn(BY_TYPE, type)) return BY_TYPE[type];
  const lower = key.toLowerCase();
  return Object.hasOwn(BY_KEY, lower) ? BY_KEY[lower] : null;
}
