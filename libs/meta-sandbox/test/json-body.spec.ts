import { quoteLongIntegers } from '../src/http/json-body';

describe('quoteLongIntegers', () => {
  it('quotes integers of 16 digits or more outside strings, so JSON.parse keeps every digit', () => {
    const parsed = JSON.parse(quoteLongIntegers('{"lead_id":98765432109876543,"ids":[1234567890123456,-12345678901234567],"n":42}'));
    expect(parsed).toEqual({ lead_id: '98765432109876543', ids: ['1234567890123456', '-12345678901234567'], n: 42 });
  });

  it('leaves strings, short integers, decimals and exponents alone', () => {
    const text =
      '{"note":"call 12345678901234567, then \\"98765432109876543\\"","x":123456789012345,"y":1234567890123456.5,"z":1234567890123456e2}';
    expect(quoteLongIntegers(text)).toBe(text);
  });
});
