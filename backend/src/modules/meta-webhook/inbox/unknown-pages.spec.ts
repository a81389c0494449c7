import { countUnknownPages } from './unknown-pages';

const at = (iso: string) => new Date(iso);

describe('countUnknownPages', () => {
  it('counts deliveries per Page and keeps the newest, newest Page first', () => {
    const pages = countUnknownPages(
      [
        { page_id: '111', received_at: at('2026-12-01T10:00:00Z') },
        { page_id: '222', received_at: at('2026-12-03T09:00:00Z') },
        { page_id: '111', received_at: at('2026-12-04T08:00:00Z') },
        { page_id: '111', received_at: at('2026-12-02T08:00:00Z') },
      ],
      20,
    );
    expect(pages).toEqual([
      { pageId: '111', deliveries: 3, lastAt: at('2026-12-04T08:00:00Z') },
      { pageId: '222', deliveries: 1, lastAt: at('2026-12-03T09:00:00Z') },
    ]);
  });

  it('keeps at most `limit` Pages, the most recent ones, ties in Page id order', () => {
    const same = '2026-12-04T08:00:00Z';
    const pages = countUnknownPages(
      [
        { page_id: '3', received_at: at(same) },
        { page_id: '1', received_at: at(same) },
        { page_id: '2', received_at: at('2026-11-30T00:00:00Z') },
      ],
      2,
    );
    expect(pages.map((page) => page.pageId)).toEqual(['1', '3']);
  });

  it('reads string timestamps (as some drivers return them) and answers nothing for no mentions', () => {
    expect(countUnknownPages([{ page_id: '9', received_at: '2026-12-01T00:00:00Z' as unknown as Date }], 5)[0]?.lastAt).toEqual(
      at('2026-12-01T00:00:00Z'),
    );
    expect(countUnknownPages([], 5)).toEqual([]);
  });
});
