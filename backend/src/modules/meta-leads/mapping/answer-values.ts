import { getCountries } from 'libphonenumber-js/max';

/**
 * Date of birth as an ISO date (`YYYY-MM-DD`), or null when it is not a real date. Meta sends `MM/DD/YYYY`; forms
 * in other locales and hand-typed custom questions also give `YYYY-MM-DD`, `DD.MM.YYYY` (dots are day-first
 * everywhere they are used) and `DD/MM/YYYY`, which is recognised when the day cannot be a month (> 12).
 */
export function normalizeDateOfBirth(raw: string | null | undefined, today = new Date()): string | null {
  const text = raw?.trim();
  if (!text) return null;
  let year: number, month: number, day: number;
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T.*)?$/))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = text.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    year = Number(m[3]);
    [month, day] = a > 12 && b <= 12 ? [b, a] : [a, b];
  } else if ((m = text.match(/^(\d{4})(\d{2})(\d{2})$/))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900 || date.getTime() > today.getTime()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

let countryNames: Map<string, string> | undefined;

/** English and native-ish names of every country libphonenumber knows → its two-letter code (built once). */
function countryNameIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const english = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of getCountries()) {
    const name = english.of(code);
    if (name && name !== code) countryNames.set(foldName(name), code);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryNames.set(foldName(alias), code);
  return countryNames;
}

const COUNTRY_ALIASES: Record<string, string> = {
  USA: 'US',
  'U.S.': 'US',
  'U.S.A.': 'US',
  'United States of America': 'US',
  America: 'US',
  UK: 'GB',
  'U.K.': 'GB',
  'Great Britain': 'GB',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  Deutschland: 'DE',
  España: 'ES',
  México: 'MX',
  Brasil: 'BR',
  日本: 'JP',
};

const foldName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.\s]+/g, ' ')
    .trim()
    .toLowerCase();

/** ISO 3166-1 alpha-2 code from a country answer (`US`, `us`, `United States`, `Deutschland`), or null. */
export function normalizeCountry(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    return getCountries().includes(code as never) ? code : null;
  }
  return countryNameIndex().get(foldName(text)) ?? null;
}

/** Meta sends `is_checked` as "1"/"" (SDK type string); other clients send booleans or "true"/"false". */
export function parseChecked(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value === 'string') return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
  return false;
}

// Han, Hiragana, Katakana and Hangul: names written family name first.
const FAMILY_NAME_FIRST = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** First and last name from a full name; names in CJK scripts put the family name first. Null halves stay null. */
export function splitFullName(fullName: string): { firstName: string | null; lastName: string | null } {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: null, lastName: null };
  if (parts.length === 1) {
    // One word: no way to know which half it is; the full name keeps it.
    return FAMILY_NAME_FIRST.test(parts[0]) ? { firstName: null, lastName: null } : { firstName: parts[0], lastName: null };
  }
  if (FAMILY_NAME_FIRST.test(fullName)) return { lastName: parts[0], firstName: parts.slice(1).join(' ') };
  return { firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

/** Full name from its halves, in the order the script uses. */
export function joinName(firstName: string | null, lastName: string | null): string | null {
  const halves = [firstName?.trim(), lastName?.trim()].filter((part): part is string => !!part);
  if (halves.length === 0) return null;
  const familyFirst = FAMILY_NAME_FIRST.test(halves.join(''));
  return (familyFirst ? [...halves].reverse() : halves).join(' ');
}
