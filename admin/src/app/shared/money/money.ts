/** Who reads the amount: the browser's locale unless a spec or caller pins one. */
export interface MoneyFormatOptions {
  locale?: string | readonly string[];
}

const locales = (options: MoneyFormatOptions): string[] | undefined =>
  options.locale === undefined ? undefined : ([] as string[]).concat(options.locale);

/**
 * A decimal amount from the API ("1250.50") as money in the reader's locale: "$1,250.50" (en-US), "1.250,50 $"
 * (de-DE), "US$1,250.50" (en-GB). An unknown currency code or a non-number is shown as it came.
 */
export function formatMoney(amount: string, currency: string | null, options: MoneyFormatOptions = {}): string {
  const value = Number(amount);
  if (amount.trim() === '' || Number.isNaN(value)) {
    return [amount, currency].filter(Boolean).join(' ');
  }
  try {
    return currency
      ? new Intl.NumberFormat(locales(options), { style: 'currency', currency }).format(value)
      : new Intl.NumberFormat(locales(options), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** An amount from the API as it is typed in the reader's locale, for an input: "1,250.50" (en-US), "1.250,50" (de-DE). */
export function formatAmountInput(amount: string | null, options: MoneyFormatOptions = {}): string {
  if (amount === null || amount.trim() === '' || Number.isNaN(Number(amount))) {
    return amount ?? '';
  }
  return new Intl.NumberFormat(locales(options), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount));
}

interface Separators {
  group: string;
  decimal: string;
}

/** The locale's own group and decimal separators, as Intl writes 12,345.6 there. */
function separatorsOf(options: MoneyFormatOptions): Separators {
  const parts = new Intl.NumberFormat(locales(options)).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** Spaces of every kind (fr-FR groups with a narrow no-break space) and currency signs are not part of the number. */
const IGNORED = /[\s\u00a0\u202f\p{Sc}]/gu;
/** Swiss German groups with ’; people type ' for it. */
const APOSTROPHES = /[’']/g;

/**
 * What the reader typed as an amount, in their locale ("1,250.50" in en-US, "1.250,50" in de-DE, "1 250,50" in
 * fr-FR), as the API's decimal string ("1250.50"); null when it is not an amount of at most 10 digits and 2
 * decimals. The locale's separators are tried first; then the two common conventions, so "1250.50" typed in de-DE
 * still means 1250.50 rather than 125050 (its group separator is followed by two digits, not three).
 */
export function parseMoney(text: string, options: MoneyFormatOptions = {}): string | null {
  const clean = text.replace(IGNORED, '');
  if (clean === '' || !/^[\d.,’']+$/.test(clean) || !/\d/.test(clean)) {
    return null;
  }
  const own = parseWith(clean, separatorsOf(options), false);
  if (own !== null) {
    return own;
  }
  // Another convention only when its decimal separator is there: "12.345" in en-US stays refused rather than
  // becoming 12345, a thousand times what was meant.
  for (const separators of [
    { group: ',', decimal: '.' },
    { group: '.', decimal: ',' },
  ]) {
    const amount = parseWith(clean, separators, true);
    if (amount !== null) {
      return amount;
    }
  }
  return null;
}

function parseWith(text: string, { group, decimal }: Separators, needsDecimal: boolean): string | null {
  const normalisedGroup = APOSTROPHES.test(group) ? "'" : group;
  const value = text.replace(APOSTROPHES, "'");
  const at = value.lastIndexOf(decimal);
  const whole = at >= 0 ? value.slice(0, at) : value;
  const fraction = at >= 0 ? value.slice(at + decimal.length) : '';
  if (needsDecimal && (at < 0 || fraction === '')) {
    return null;
  }
  if (!/^\d{0,2}$/.test(fraction) || (at >= 0 && whole === '' && fraction === '')) {
    return null;
  }
  let digits = whole;
  if (whole.includes(normalisedGroup) && normalisedGroup !== decimal) {
    const grouped = new RegExp(`^\\d{1,3}(${escape(normalisedGroup)}\\d{3})+$`);
    if (!grouped.test(whole)) {
      return null;
    }
    digits = whole.split(normalisedGroup).join('');
  }
  if (!/^\d*$/.test(digits)) {
    return null;
  }
  const integer = digits.replace(/^0+(?=\d)/, '') || '0';
  if (integer.length > 10) {
    return null;
  }
  return fraction ? `${integer}.${fraction}` : integer;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
