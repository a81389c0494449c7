import { LeadStatus } from '@legeai/contracts';
import { ValidationFailedError } from '../../common/errors/api-error';
import { premiumChange, requestedPremium } from './lead-premium';

describe(requestedPremium.name, () => {
  const fieldOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      if (error instanceof ValidationFailedError) return error.fields?.[0]?.field;
      throw error;
    }
    return undefined;
  };

  it('refuses won without a premium or an explicit "not known yet"', () => {
    expect(fieldOf(() => requestedPremium({ status: LeadStatus.Won }, 'USD'))).toBe('premiumValue');
    expect(requestedPremium({ status: LeadStatus.Won, premiumUnknown: true }, 'USD')).toEqual({
      premium: { premiumValue: null, premiumCurrency: null },
      unknown: true,
    });
  });

  it('refuses premiumUnknown with a value, or on another status', () => {
    expect(fieldOf(() => requestedPremium({ status: LeadStatus.Won, premiumUnknown: true, premiumValue: '1' }, 'USD'))).toBe(
      'premiumUnknown',
    );
    expect(fieldOf(() => requestedPremium({ status: LeadStatus.Quoted, premiumUnknown: true }, 'USD'))).toBe('premiumUnknown');
  });

  it("puts a premium without currency in the lead's currency, and asks for one when none is known", () => {
    expect(requestedPremium({ status: LeadStatus.Won, premiumValue: '1250.50' }, 'CAD').premium).toEqual({
      premiumValue: '1250.50',
      premiumCurrency: 'CAD',
    });
    expect(requestedPremium({ status: LeadStatus.Won, premiumValue: '1', premiumCurrency: 'JPY' }, 'CAD').premium.premiumCurrency).toBe(
      'JPY',
    );
    expect(fieldOf(() => requestedPremium({ status: LeadStatus.Won, premiumValue: '1' }, null))).toBe('premiumCurrency');
  });

  it('leaves the premium alone when a move sends none', () => {
    expect(requestedPremium({ status: LeadStatus.Contacted }, null)).toEqual({ premium: {}, unknown: false });
  });
});

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
