import { LeadStatus } from '@legeai/contracts';
import { LeadPageCursors } from './lead-page-cursors';

describe('LeadPageCursors', () => {
  const page = (offset: number, status?: LeadStatus) => ({ limit: 50, offset, sort: '-receivedAt' as const, status });

  it('reads the next page from the cursor the previous one gave, instead of its offset', () => {
    const cursors = new LeadPageCursors();
    expect(cursors.query(page(50))).toEqual(page(50));
    cursors.remember(page(0), 'abc');
    expect(cursors.query(page(50))).toEqual({ ...page(50), offset: undefined, cursor: 'abc' });
    // A page whose start was never reached keeps its offset.
    expect(cursors.query(page(100))).toEqual(page(100));
  });

  it('keeps cursors apart per filters and page size, and ignores a last page', () => {
    const cursors = new LeadPageCursors();
    cursors.remember(page(0, LeadStatus.Won), 'won');
    cursors.remember(page(50), null);
    expect(cursors.query(page(50))).toEqual(page(50));
    expect(cursors.query({ ...page(50), limit: 100 })).toEqual({ ...page(50), limit: 100 });
    expect(cursors.query(page(50, LeadStatus.Won)).cursor).toBe('won');
  });
});
