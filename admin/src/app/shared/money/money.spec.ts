import { formatAmountInput, formatMoney, parseMoney } from './money';

describe('money', () => {
  describe(parseMoney.name, () => {
    it.each([
      ['1,250.50', 'en-US', '1250.50'],
      ['1250.50', 'en-US', '1250.50'],
      ['$1,250.5', 'en-US', '1250.5'],
      ['1,250', 'en-US', '1250'],
      ['1,234,567.89', 'en-US', '1234567.89'],
      ['1.250,50', 'de-DE', '1250.50'],
      ['1.250', 'de-DE', '1250'],
      ['1250,50 €', 'de-DE', '1250.50'],
      // Typed the other common way in de-DE: "." before two digits cannot be a group separator.
      ['1250.50', 'de-DE', '1250.50'],
      ['1\u202f250,50', 'fr-FR', '1250.50'],
      ['1 250,50', 'fr-FR', '1250.50'],
      ['1’250.50', 'de-CH', '1250.50'],
      ["1'250.50", 'de-CH', '1250.50'],
      ['0', 'en-US', '0'],
      ['007.5', 'en-US', '7.5'],
      ['1250,50', 'en-US', '1250.50'],
    ])('reads %j in %s as %s', (text, locale, expected) => {
      expect(parseMoney(text, { locale })).toBe(expected);
    });

    it.each([
      ['', 'en-US'],
      ['abc', 'en-US'],
      ['-5', 'en-US'],
      ['12.345', 'en-US'],
      ['1.250', 'en-US'],
      ['1,25,0', 'en-US'],
      ['12345678901', 'en-US'],
      ['1.2.3', 'de-DE'],
      ['.', 'en-US'],
    ])('refuses %j in %s', (text, locale) => {
      expect(parseMoney(text, { locale })).toBeNull();
    });
  });

  describe(formatMoney.name, () => {
    it('shows the amount as money in the reader’s locale and the lead’s currency', () => {
      expect(formatMoney('1250.50', 'USD', { locale: 'en-US' })).toBe('$1,250.50');
      expect(formatMoney('1250.5', 'EUR', { locale: 'de-DE' })).toBe('1.250,50\u00a0€');
      expect(formatMoney('1250', 'JPY', { locale: 'ja-JP' })).toBe('￥1,250');
    });

    it('keeps what it cannot format readable', () => {
      expect(formatMoney('1250.50', null, { locale: 'en-US' })).toBe('1,250.50');
      expect(formatMoney('n/a', 'USD', { locale: 'en-US' })).toBe('n/a USD');
    });
  });

  it('formats an amount for an input the way parseMoney reads it back', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH']) {
      const shown = formatAmountInput('1250.50', { locale });
      expect(parseMoney(shown, { locale })).toBe('1250.50');
    }
    expect(formatAmountInput('1250.5', { locale: 'en-US' })).toBe('1,250.50');
    expect(formatAmountInput(null)).toBe('');
  });
});
