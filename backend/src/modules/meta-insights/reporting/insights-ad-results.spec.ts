import { AdObjectResultsRegistry } from '../../meta-ads';
import { resultsOfTotals, spendToMinor } from './insights-ad-results';

describe('ad results from insight totals', () => {
  it("converts spend to Meta's minor units: cents for most currencies, whole units for those without decimals", () => {
    expect(spendToMinor('12.3456', 'USD')).toBe(1235);
    expect(spendToMinor('1500', 'jpy')).toBe(1500);
    expect(spendToMinor('0.29', 'EUR')).toBe(29);
  });

  it('gives spend, leads and cost per lead, null per lead without leads, and keeps the currency with the most spend', () => {
    const results = resultsOfTotals(
      [
        { object_id: 'c1', currency: 'USD', spend: '120.5000', leads: '4' },
        { object_id: 'c1', currency: 'EUR', spend: '3.0000', leads: '1' },
        { object_id: 'c2', currency: 'USD', spend: '9.9900', leads: '0' },
      ],
      '2026-11-08',
      '2026-12-05',
    );
    expect(results.get('c1')).toEqual({
      spend: { amountMinor: 12050, currency: 'USD' },
      leads: 4,
      costPerLeadMinor: 3013,
      since: '2026-11-08',
      until: '2026-12-05',
    });
    expect(results.get('c2')).toMatchObject({ spend: { amountMinor: 999, currency: 'USD' }, leads: 0, costPerLeadMinor: null });
    expect(results.has('c3')).toBe(false);
  });
});

describe('AdObjectResultsRegistry', () => {
  it('answers no results without a source, and asks the source for the objects once one is offered', async () => {
    const registry = new AdObjectResultsRegistry();
    expect((await registry.resultsOf('org', 'campaign', ['c1'])).size).toBe(0);
    const asked: unknown[] = [];
    const source = {
      resultsOf: (organisationId: string, level: string, ids: string[]) => {
        asked.push([organisationId, level, ids]);
        return Promise.resolve(resultsOfTotals([{ object_id: 'c1', currency: 'USD', spend: '1', leads: '1' }], 'a', 'b'));
      },
    };
    registry.provide(source);
    expect((await registry.resultsOf('org', 'campaign', ['c1'])).get('c1')?.leads).toBe(1);
    expect(await registry.resultsOf('org', 'ad', [])).toEqual(new Map());
    expect(asked).toEqual([['org', 'campaign', ['c1']]]);
    expect(() => registry.provide({ resultsOf: source.resultsOf })).toThrow(/second source/);
  });
});
