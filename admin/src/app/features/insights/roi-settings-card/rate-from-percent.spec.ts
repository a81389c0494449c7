import { rateFromPercent } from './roi-settings-card';

describe('commission rate input', () => {
  it('reads a percentage as the share the API keeps', () => {
    expect(rateFromPercent('12.5')).toBe(0.125);
    expect(rateFromPercent(' 10 ')).toBe(0.1);
    expect(rateFromPercent('7,25')).toBe(0.0725);
    expect(rateFromPercent('100')).toBe(1);
  });

  it('refuses what is no rate', () => {
    for (const text of ['', '0', '-5', '100.5', 'ten']) expect(rateFromPercent(text)).toBeNull();
  });
});
