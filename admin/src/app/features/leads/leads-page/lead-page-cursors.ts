import { LeadListQuery } from '@legeai/contracts';

/**
 * The cursors of the lead pages already reached, per list (filters, sort and page size). Going forward page by page,
 * each page is read from where the previous one ended, which costs the server what the first page costs; a page
 * reached any other way (a link to page 500, a changed page size) falls back to its offset.
 */
export class LeadPageCursors {
  private readonly starts = new Map<string, string>();

  /** The query for a page: by cursor when the page's start is known, by offset otherwise. */
  query(query: LeadListQuery): LeadListQuery {
    const cursor = this.starts.get(key(query));
    return cursor ? { ...query, offset: undefined, cursor } : query;
  }

  /** Keeps where the page after `query`'s starts. */
  remember(query: LeadListQuery, nextCursor: string | null): void {
    if (!nextCursor) {
      return;
    }
    const next = { ...query, offset: (query.offset ?? 0) + (query.limit ?? 0) };
    this.starts.set(key(next), nextCursor);
  }
}

const key = ({ cursor: _cursor, ...query }: LeadListQuery): string => JSON.stringify(Object.entries(query).sort());
