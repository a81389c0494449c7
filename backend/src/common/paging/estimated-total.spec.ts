import { EstimatedTotalCache, totalFromPage } from './estimated-total';

describe(totalFromPage.name, () => {
  it.each([
    [
      { offset: 0, byCursor: false, rows: 12, more: false },
      { total: 12, exact: true },
    ],
    [
      { offset: 0, byCursor: false, rows: 0, more: false },
      { total: 0, exact: true },
    ],
    [
      { offset: 100, byCursor: false, rows: 7, more: false },
      { total: 107, exact: true },
    ],
  ])('counts nothing when the page ends the list: %j', (page, total) => {
    expect(totalFromPage(page)).toEqual(total);
  });

  it.each([
    ['a full page with more after it', { offset: 0, byCursor: false, rows: 50, more: true }],
    ['an empty page past the end', { offset: 500, byCursor: false, rows: 0, more: false }],
    ['a cursor page (what came before is unknown)', { offset: 0, byCursor: true, rows: 3, more: false }],
  ])('tells nothing from %s', (_, page) => {
    expect(totalFromPage(page)).toBeNull();
  });
});

describe(EstimatedTotalCache.name, () => {
  let now = 0;
  const cache = () => new EstimatedTotalCache(30_000, 2, () => now);
  beforeEach(() => (now = 1_000_000));

  it('answers an estimate for the same key until it is 30 s old', () => {
    const sut = cache();
    sut.remember('a', { total: 1_234, exact: false });
    now += 29_999;
    expect(sut.get('a')).toEqual({ total: 1_234, exact: false });
    now += 1;
    expect(sut.get('a')).toBeUndefined();
  });

  it('never keeps an exact total, so an exact answer is always a fresh count', () => {
    const sut = cache();
    sut.remember('a', { total: 12, exact: true });
    expect(sut.get('a')).toBeUndefined();
  });

  it('keeps keys apart and drops the oldest when full', () => {
    const sut = cache();
    sut.remember('a', { total: 1_001, exact: false });
    sut.remember('b', { total: 2_002, exact: false });
    sut.remember('c', { total: 3_003, exact: false });
    expect([sut.get('a'), sut.get('b')?.total, sut.get('c')?.total]).toEqual([undefined, 2_002, 3_003]);
  });
});
