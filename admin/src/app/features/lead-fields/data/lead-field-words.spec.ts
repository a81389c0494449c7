import { keyFromLabel, uniqueKey } from './lead-field-words';

describe('lead field words', () => {
  it('makes keys from labels', () => {
    expect(keyFromLabel('Vehicle year', 40, true)).toBe('vehicle_year');
    expect(keyFromLabel('  Coverage (wanted)! ', 40, true)).toBe('coverage_wanted');
    expect(keyFromLabel('Código postal', 40, true)).toBe('codigo_postal');
    expect(keyFromLabel('2024–2025', 60, false)).toBe('2024_2025');
    expect(keyFromLabel('3 cars', 40, true)).toBe('f_3_cars');
    expect(keyFromLabel('日本', 40, true)).toBe('');
  });

  it('keeps keys apart', () => {
    expect(uniqueKey('yes', new Set(['no']), 60)).toBe('yes');
    expect(uniqueKey('yes', new Set(['yes', 'yes_2']), 60)).toBe('yes_3');
  });
});
