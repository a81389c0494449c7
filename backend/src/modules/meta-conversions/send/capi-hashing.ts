import { createHash } from 'node:crypto';

/**
 * Customer information as Meta wants it hashed: normalised, then SHA-256 in lowercase hex
 * (https://developers.facebook.com/docs/marketing-api/conversions-api/parameters/customer-information-parameters).
 * The lead id is never hashed: it is Meta's own id.
 */

const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Email: trimmed and lower-cased; null when it is not an address. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const value = email?.trim().toLowerCase();
  return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}

/** Phone: E.164 digits only, country code included, no `+`, spaces or punctuation; null when too short to be one. */
export function normalisePhone(phoneE164: string | null | undefined): string | null {
  const digits = (phoneE164 ?? '').replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

export function hashedEmail(email: string | null | undefined): string | null {
  const value = normaliseEmail(email);
  return value ? sha256(value) : null;
}

export function hashedPhone(phoneE164: string | null | undefined): string | null {
  const value = normalisePhone(phoneE164);
  return value ? sha256(value) : null;
}
