import { premiumChange } from './lead-premium';

describe(premiumChange.name, () => {
  const quoted = { premiumValue: '1249.50', premiumCurrency: 'EUR' };

  it('is empty when the request sends no premium', () => {
    expect(premiumChange(quoted, {})).toEqual({});
  });

  it('is empty when the request sends the stored premium, however the amount is written', () => {
    expect(premiumChange(quoted, { premiumValue: '1249.5', premiumCurrency: 'EUR' })).toEqual({});
    expect(premiumChange(quoted, { premiumValue: '01249.50', premiumCurrency: 'EUR' })).toEqual({});
  });

  it('names only the fields that differ', () => {
    expect(premiumChange(quoted, { premiumValue: '1299.00', premiumCurrency: 'EUR' })).toEqual({ premiumValue: '1299.00' });
    expect(premiumChange(quoted, { premiumValue: '1249.50', premiumCurrency: 'USD' })).toEqual({ premiumCurrency: 'USD' });
    expect(premiumChange(quoted, { premiumValue: '0.01' })).toEqual({ premiumValue: '0.01' });
  });

  it('sets a premium on a lead that had none', () => {
    expect(premiumChange({ premiumValue: null, premiumCurrency: null }, { premiumValue: '0', premiumCurrency: 'EUR' })).toEqual({
      premiumValue: '0',
      premiumCurrency: 'EUR',
    });
  });

  it('tells apart amounts that differ by a cent at the top of the range', () => {
    expect(premiumChange({ premiumValue: '9999999999.99', premiumCurrency: 'EUR' }, { premiumValue: '9999999999.98' })).toEqual({
      premiumValue: '9999999999.98',
    });
  });
});
