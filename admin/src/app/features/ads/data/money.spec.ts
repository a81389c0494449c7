import {
  currencyOffset,
  currencySymbol,
  formatMoney,
  formatMoneyInput,
  formatPercentChange,
  majorToMinor,
  minorToMajor,
  parseMoneyInput,
  percentChange,
} from './money';

describe('money of ad accounts', () => {
  it("uses Meta's offset per currency, not ISO's decimals", () => {
    expect(currencyOffset('USD')).toBe(100);
    expect(currencyOffset('eur')).toBe(100);
    expect(currencyOffset('JPY')).toBe(1);
    // ISO 4217 gives these two decimals; Meta counts them in whole units.
    expect(currencyOffset('HUF')).toBe(1);
    expect(currencyOffset('TWD')).toBe(1);
    // ISO 4217 gives these three decimals; Meta's offset is 100.
    expect(currencyOffset('BHD')).toBe(100);
  });

  it('converts between minor and major units', () => {
    expect(minorToMajor(1250, 'USD')).toBe(12.5);
    expect(minorToMajor(5000, 'JPY')).toBe(5000);
    expect(majorToMinor(12.5, 'USD')).toBe(1250);
    // 0.29 × 100 is 28.999… in floating point.
    expect(majorToMinor(0.29, 'USD')).toBe(29);
    expect(majorToMinor(5000, 'JPY')).toBe(5000);
  });

  it('formats budgets in major units in the reader’s locale', () => {
    expect(formatMoney(1250, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoney(125050, 'EUR', 'de-DE')).toBe('1.250,50\u00a0€');
    expect(formatMoney(500000, 'JPY', 'en-US')).toBe('¥500,000');
    expect(formatMoney(2000, 'HUF', 'en-US')).toBe('HUF\u00a02,000');
    expect(formatMoney(1000, 'BHD', 'en-US')).toBe('BHD\u00a010.00');
  });

  it('fills inputs with the amount alone, in the locale', () => {
    expect(formatMoneyInput(125050, 'EUR', 'de-DE')).toBe('1250,50');
    expect(formatMoneyInput(125050, 'USD', 'en-US')).toBe('1250.50');
    expect(formatMoneyInput(5000, 'JPY', 'en-US')).toBe('5000');
    expect(currencySymbol('EUR', 'de-DE')).toBe('€');
    expect(currencySymbol('USD', 'en-US')).toBe('$');
  });

  it.each<[string, string, string, number | null]>([
    ['25', 'USD', 'en-US', 2500],
    ['12.5', 'USD', 'en-US', 1250],
    ['1,250.50', 'USD', 'en-US', 125050],
    [' $ 40 ', 'USD', 'en-US', 4000],
    ['12,50', 'EUR', 'de-DE', 1250],
    ['1.250,50', 'EUR', 'de-DE', 125050],
    ['1\u202f250,50', 'EUR', 'fr-FR', 125050],
    ['5000', 'JPY', 'ja-JP', 5000],
    ['12.30', 'USD', 'en-US', 1230],
    // more decimals than the currency has
    ['12.345', 'USD', 'en-US', null],
    ['50.5', 'JPY', 'en-US', null],
    // no amount
    ['', 'USD', 'en-US', null],
    ['abc', 'USD', 'en-US', null],
    ['-5', 'USD', 'en-US', null],
    ['1,25', 'USD', 'en-US', null],
    ['12.50', 'EUR', 'de-DE', null],
  ])('reads "%s" %s typed in %s as %s minor units', (text, currency, locale, minor) => {
    expect(parseMoneyInput(text, currency, locale)).toBe(minor);
  });

  it('reads back what it wrote into an input', () => {
    for (const [minor, currency, locale] of [
      [125050, 'EUR', 'de-DE'],
      [99, 'USD', 'en-US'],
      [123456, 'CHF', 'de-CH'],
      [7000, 'KRW', 'ko-KR'],
    ] as const) {
      expect(parseMoneyInput(formatMoneyInput(minor, currency, locale), currency, locale)).toBe(minor);
      expect(parseMoneyInput(formatMoney(minor, currency, locale), currency, locale)).toBe(minor);
    }
  });

  it('measures a budget change in percent', () => {
    expect(percentChange(10000, 16000)).toBe(60);
    expect(percentChange(10000, 8000)).toBe(-20);
    expect(percentChange(3000, 4000)).toBe(33);
    expect(percentChange(null, 4000)).toBeNull();
    expect(percentChange(0, 4000)).toBeNull();
    expect(formatPercentChange(60, 'en-US')).toBe('+60%');
    expect(formatPercentChange(-20, 'en-US')).toBe('-20%');
    expect(formatPercentChange(50.5, 'en-US')).toBe('+50.5%');
  });
});
