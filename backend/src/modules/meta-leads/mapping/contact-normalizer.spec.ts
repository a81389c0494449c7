import { normalizeEmail, normalizePhone } from './contact-normalizer';

describe('normalizePhone', () => {
  it.each([
    ['+1 (201) 555-0142', 'US', '+12015550142'],
    ['(201) 555-0142', 'US', '+12015550142'],
    ['201.555.0142', 'US', '+12015550142'],
    ['12015550142', 'US', '+12015550142'],
    ['020 7183 8750', 'GB', '+442071838750'],
    ['07911 123456', 'GB', '+447911123456'],
    ['+44 7911 123456', 'US', '+447911123456'],
    ['442071838750', 'US', '+442071838750'],
    ['030 1234567', 'DE', '+49301234567'],
    ['0151 23456789', 'DE', '+4915123456789'],
    ['0049 30 1234567', 'US', '+49301234567'],
    ['+49 (0)30 1234567', 'US', '+49301234567'],
    ['+81 90-1234-5678', 'US', '+819012345678'],
  ])('%s with default %s → %s', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toBe(e164);
  });

  it('reads a national number in the given country, not the default one', () => {
    expect(normalizePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalizePhone('030 1234567', 'US')).toBeNull();
  });

  it.each([['123'], [''], ['   '], ['not a phone'], ['+1 555 555 0123'], ['test lead: dummy data for phone_number']])(
    'rejects %p',
    (raw) => {
      expect(normalizePhone(raw, 'US')).toBeNull();
    },
  );

  it('tolerates an unknown default country', () => {
    expect(normalizePhone('+12015550142', 'XX')).toBe('+12015550142');
    expect(normalizePhone(null, 'US')).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ana.Ruiz@Example.COM ')).toBe('ana.ruiz@example.com');
  });

  it('keeps dots and plus tags (they can be different mailboxes)', () => {
    expect(normalizeEmail('First.Last+quotes@gmail.com')).toBe('first.last+quotes@gmail.com');
  });

  it('keeps non-Latin addresses', () => {
    expect(normalizeEmail('Tarō@例え.jp')).toBe('tarō@例え.jp');
  });

  it.each([[''], ['no-at-sign'], ['a@b'], ['two words@example.com'], ['test lead: dummy data for email'], [null]])('rejects %p', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});
