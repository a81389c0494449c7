import { addSums, ratio, revenueFactor, toMetrics, ZERO_SUMS } from './insight-metrics';
import { previousRange, rangeOf } from './insights-range';

describe('insight metrics', () => {
  it('gives no value for a zero denominator, never Infinity or NaN', () => {
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
    const m = toMetrics(ZERO_SUMS, 1);
    expect([m.cpl, m.metaCpl, m.costPerQualified, m.costPerWon, m.roi, m.ctr]).toEqual([null, null, null, null, null, null]);
  });

  it('computes ROI on premium or on commission', () => {
    const sums = { ...ZERO_SUMS, spend: 200, storedLeads: 4, wonPolicies: 2, premiumWon: 1000 };
    expect(toMetrics(sums, revenueFactor('premium', null))).toMatchObject({ revenue: 1000, roi: 4, cpl: 50, costPerWon: 100 });
    expect(toMetrics(sums, revenueFactor('commission', 0.1))).toMatchObject({ revenue: 100, roi: -0.5 });
  });

  it('never adds reach', () => {
    expect(addSums({ ...ZERO_SUMS, reach: 10 }, { ...ZERO_SUMS, reach: 20 }).reach).toBeNull();
  });
});

describe('insight ranges', () => {
  it('compares with the same number of days just before', () => {
    expect(previousRange({ since: '2026-03-01', until: '2026-03-31' })).toEqual({ since: '2026-01-29', until: '2026-02-28' });
  });

  it('reads the last 28 days without a range, and refuses half of one or a reversed one', () => {
    expect(rangeOf({}, new Date('2026-12-05T23:00:00Z'))).toEqual({ since: '2026-11-08', until: '2026-12-05' });
    expect(() => rangeOf({ since: '2026-11-01' })).toThrow('Invalid request: check until');
    expect(() => rangeOf({ since: '2026-11-02', until: '2026-11-01' })).toThrow('Invalid request: check until');
  });
});
