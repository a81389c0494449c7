import { CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Email as used for duplicate matching and search: trimmed and lower-cased, or null when it is not an address.
 *
 * Deliberately conservative: Gmail ignores dots and `+tags`, but most providers do not, and even at Gmail a
 * `+tag` is the person's own choice of address. Folding them would link different people as duplicates (a wrong
 * merge is worse than a missed one), so only case and surrounding space are ignored. Lower-casing the local part is
 * technically lossy per RFC 5321, but no mailbox provider a lead would use treats case as significant.
 */
export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase();
  if (!email || email.length > 320) return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** A country code libphonenumber knows (two letters, upper case), or undefined. */
export function phoneCountry(code: string | null | undefined): CountryCode | undefined {
  const upper = code?.trim().toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

/**
 * Phone in E.164, or null when it is not a valid number. Numbers without a `+` are read as national numbers of
 * `country` (the lead's own country when it gave one, else the configured default); failing that, as written in
 * international form without the `+` or with a `00` prefix (`4420…`, `0049…`), which people often type.
 */
export function normalizePhone(raw: string | null | undefined, country: string | null | undefined): string | null {
  const phone = raw?.trim();
  if (!phone || !/\d/.test(phone)) return null;
  const candidates = [parsePhoneNumberFromString(phone, { defaultCountry: phoneCountry(country) })];
  if (!phone.startsWith('+')) {
    const digits = phone.replace(/\D/g, '');
    candidates.push(parsePhoneNumberFromString(`+${digits.replace(/^00/, '')}`));
  }
  const valid = candidates.find((candidate) => candidate?.isValid());
  return valid ? valid.number : null;
}
