/**
 * Money of ad accounts. Meta sends and takes budgets in the account currency's minor units, with an offset per
 * currency: 100 for most, 1 for the currencies it counts without decimals
 * (https://developers.facebook.com/docs/marketing-api/currencies). People read and type major units in their locale.
 * Meta's offsets differ from ISO 4217 in places (HUF, TWD, IDR … have 2 ISO decimals but offset 1; BHD, JOD have 3 ISO
 * decimals but offset 100), so the offset table, not `Intl`, decides how many decimals an amount has.
 */

/** Currencies whose Meta offset is 1 (the Marketing API currencies table). */
const OFFSET_ONE = new Set(['CLP', 'COP', 'CRC', 'HUF', 'ISK', 'IDR', 'JPY', 'KRW', 'PYG', 'TWD', 'VND']);

/** Whose locale reads the amount: the browser's unless a caller (a spec) pins it. */
export type Locale = string | readonly string[] | undefined;

/** How many minor units make one major unit of `currency` in Meta's budgets. */
export function currencyOffset(currency: string): 1 | 100 {
  return OFFSET_ONE.has(currency.toUpperCase()) ? 1 : 100;
}

/** Decimals a major amount of `currency` has. */
export function currencyDecimals(currency: string): 0 | 2 {
  return currencyOffset(currency) === 1 ? 0 : 2;
}

export function minorToMajor(amountMinor: number, currency: string): number {
  return amountMinor / currencyOffset(currency);
}

/** Rounds to whole minor units: 12.5 USD → 1250, and 0.29 × 100 (28.999…) → 29. */
export function majorToMinor(amountMajor: number, currency: string): number {
  return Math.round(amountMajor * currencyOffset(currency));
}

const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: Locale, grouping = true, symbol = true): Intl.NumberFormat {
  const key = JSON.stringify([currency, locale ?? null, grouping, symbol]);
  let format = formatters.get(key);
  if (!format) {
    const decimals = currencyDecimals(currency);
    format = new Intl.NumberFormat(locale as string[] | undefined, {
      ...(symbol ? { style: 'currency', currency } : {}),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: grouping,
    });
    formatters.set(key, format);
  }
  return format;
}

/** `1250, 'USD'` → "$12.50" (en-US), "12,50 $" (de-DE); `5000, 'JPY'` → "¥5,000". */
export function formatMoney(amountMinor: number, currency: string, locale?: Locale): string {
  return moneyFormat(currency, locale).format(minorToMajor(amountMinor, currency));
}

/** An amount as it goes into an input: major units in the locale, no symbol, no grouping ("12,50" in de-DE). */
export function formatMoneyInput(amountMinor: number, currency: string, locale?: Locale): string {
  return moneyFormat(currency, locale, false, false).format(minorToMajor(amountMinor, currency));
}

/** The currency's symbol in the locale, for an input's prefix: "$", "€", "¥". */
export function currencySymbol(currency: string, locale?: Locale): string {
  return (
    moneyFormat(currency, locale)
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? currency
  );
}

/**
 * What someone typed as a major amount, in their locale, as minor units; `null` when it is no amount of this
 * currency: not a number, negative, or with more decimals than the currency has ("12.345" dollars, "50.5" yen).
 * Group separators are allowed where the locale puts them ("1,250.50" in en-US, "1.250,50" in de-DE), and so is a
 * currency symbol around the number.
 */
export function parseMoneyInput(text: string, currency: string, locale?: Locale): number | null {
  const { group, decimal } = separators(locale);
  // Spaces of every kind (fr-FR groups with a narrow no-break space), and the symbol or code typed with the amount.
  let cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(currencySymbol(currency, locale), '')
    .replace(currency.toUpperCase(), '');
  if (group.trim() !== '') {
    const grouped = new RegExp(`^\\d{1,3}(${escape(group)}\\d{3})+(${escape(decimal)}\\d*)?$`);
    if (cleaned.includes(group) && group !== decimal) {
      if (!grouped.test(cleaned)) {
        return null;
      }
      cleaned = cleaned.split(group).join('');
    }
  }
  const normalised = cleaned.replace(decimal, '.');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalised);
  if (!match) {
    return null;
  }
  const fraction = match[2] ?? '';
  if (fraction.replace(/0+$/, '').length > currencyDecimals(currency)) {
    return null;
  }
  return majorToMinor(Number(`${match[1]}.${fraction || '0'}`), currency);
}

/**
 * How much `toMinor` changes `fromMinor`, in whole percent (rounded), e.g. 10000 → 16000 is +60; `null` when there was
 * nothing before (a first budget is no change).
 */
export function percentChange(fromMinor: number | null, toMinor: number): number | null {
  if (fromMinor === null || fromMinor <= 0) {
    return null;
  }
  return Math.round(((toMinor - fromMinor) / fromMinor) * 100);
}

/** "+60%", "-20%", "+50.5%" in the locale's way of writing percentages. */
export function formatPercentChange(percent: number, locale?: Locale): string {
  return new Intl.NumberFormat(locale as string[] | undefined, {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(percent / 100);
}

function separators(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale as string[] | undefined).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
