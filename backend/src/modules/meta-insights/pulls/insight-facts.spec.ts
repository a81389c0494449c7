import { restatedValues, spendText, type StoredMetrics } from './insight-facts';

const stored: StoredMetrics = { spend: '152.3700', impressions: 10234, reach: 8120, clicks: 311, linkClicks: 240, leads: 19 };

describe('restatedValues', () => {
  it('is null for a first pull and for an unchanged re-pull, whatever the spend text looks like', () => {
    expect(restatedValues(undefined, stored)).toBeNull();
    expect(restatedValues(stored, { ...stored, spend: spendText('152.37') })).toBeNull();
    // As PostgreSQL answers bigint and numeric columns: text.
    const fromDb = { ...stored, impressions: '10234', reach: '8120' } as unknown as StoredMetrics;
    expect(restatedValues(fromDb, stored)).toBeNull();
  });

  it('records each changed metric with its old and new value, and only those', () => {
    expect(restatedValues(stored, { ...stored, spend: spendText('160.01'), leads: 21 })).toEqual({
      spend: { from: 152.37, to: 160.01 },
      leads: { from: 19, to: 21 },
    });
  });

  it('sees reach appear or disappear (Meta omits it for old breakdowns)', () => {
    expect(restatedValues({ ...stored, reach: null }, stored)).toEqual({ reach: { from: null, to: 8120 } });
  });

  it('ignores differences below the stored precision of spend', () => {
    expect(restatedValues(stored, { ...stored, spend: spendText(152.37000001) })).toBeNull();
    expect(spendText('12.34567')).toBe('12.3457');
    expect(spendText('not a number')).toBe('0.0000');
  });
});
