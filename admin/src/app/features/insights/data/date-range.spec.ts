import { customRangeProblem, daysIn, presetRange, rangeLabel, viewFromParams, viewToParams } from './date-range';

describe('insights date ranges', () => {
  // 5 December 2026, mid-afternoon local time.
  const today = new Date(2026, 11, 5, 15, 30);

  it('ends the day presets today and counts today in', () => {
    expect(presetRange('7', today)).toEqual({ since: '2026-11-29', until: '2026-12-05' });
    expect(presetRange('28', today)).toEqual({ since: '2026-11-08', until: '2026-12-05' });
    expect(daysIn(presetRange('90', today))).toBe(90);
  });

  it('reads this month and last month as calendar months', () => {
    expect(presetRange('this-month', today)).toEqual({ since: '2026-12-01', until: '2026-12-05' });
    expect(presetRange('last-month', today)).toEqual({ since: '2026-11-01', until: '2026-11-30' });
    expect(presetRange('last-month', new Date(2026, 2, 10))).toEqual({ since: '2026-02-01', until: '2026-02-28' });
    expect(presetRange('last-month', new Date(2027, 0, 3))).toEqual({ since: '2026-12-01', until: '2026-12-31' });
  });

  it('says in words what is wrong with a custom range', () => {
    expect(customRangeProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(customRangeProblem('', '2026-11-30')).toBe('Choose both a first and a last day.');
    expect(customRangeProblem('2026-02-30', '2026-03-01')).toBe('Choose both a first and a last day.');
    expect(customRangeProblem('2026-11-30', '2026-11-01')).toBe('The last day must not be before the first.');
    expect(customRangeProblem('2020-01-01', '2026-11-30')).toContain('37 months');
  });

  it('keeps the view in the URL and reads it back, defaults left out', () => {
    const view = viewFromParams({ range: '90', sort: 'roi', account: 'act_42', page: '3' }, today);
    expect(view).toEqual({
      preset: '90',
      range: presetRange('90', today),
      sort: 'roi',
      order: 'desc',
      adAccountId: 'act_42',
      pageIndex: 2,
    });
    expect(viewToParams(view)).toEqual({ range: '90', since: null, until: null, sort: 'roi', order: null, account: 'act_42', page: '3' });
    expect(viewToParams(viewFromParams({}, today))).toEqual({
      range: null,
      since: null,
      until: null,
      sort: null,
      order: null,
      account: null,
      page: null,
    });
  });

  it('sorts CPL cheapest first and ROI best first unless told otherwise', () => {
    expect(viewFromParams({ sort: 'cpl' }, today).order).toBe('asc');
    expect(viewFromParams({ sort: 'roi' }, today).order).toBe('desc');
    expect(viewFromParams({ sort: 'roi', order: 'asc' }, today).order).toBe('asc');
  });

  it('ignores what it cannot read in the URL', () => {
    const view = viewFromParams({ range: 'custom', since: '2026-13-01', until: 'x', sort: 'ctr', account: 'bogus', page: '-2' }, today);
    expect(view).toMatchObject({ preset: '28', sort: 'spend', adAccountId: null, pageIndex: 0 });
    expect(viewFromParams({ range: 'custom', since: '2026-10-01', until: '2026-10-31' }, today)).toMatchObject({
      preset: 'custom',
      range: { since: '2026-10-01', until: '2026-10-31' },
    });
  });

  it('labels a range as days, whatever the reader’s zone', () => {
    // ICU versions differ on the spaces around the dash.
    expect(rangeLabel({ since: '2026-11-01', until: '2026-11-30' }, 'en-GB')).toMatch(/^1\s?–\s?30 Nov 2026$/);
    expect(rangeLabel({ since: '2026-11-01', until: '2026-11-01' }, 'en-GB')).toBe('1 Nov 2026');
  });
});
