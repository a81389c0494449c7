import { GraphErrors } from './graph-errors';

/**
 * Cursor paging (https://developers.facebook.com/docs/graph-api/results): opaque base64 cursors, `before`/`after`,
 * absolute `next`/`previous` URLs carrying the original query. `cursors` are present even on the last page; only
 * the absence of `next` ends the walk.
 */
export interface PageWindow<T> {
  items: T[];
  before?: string;
  after?: string;
  hasNext: boolean;
  hasPrevious: boolean;
}

export const DEFAULT_PAGE_LIMIT = 25;

const encodeCursor = (position: number, id: string): string => Buffer.from(`${position}:${id}`).toString('base64');

function decodeCursor(cursor: string, ids: string[]): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^(\d+):(.*)$/.exec(text);
  if (!match) throw GraphErrors.invalidParameter('The cursor parameter is invalid');
  const byId = ids.indexOf(match[2]);
  // The item may have disappeared (deleted, expired); fall back to where it used to be.
  return byId >= 0 ? byId : Math.min(Number(match[1]), ids.length);
}

export function parseLimit(raw: string | undefined, max: number, fallback = DEFAULT_PAGE_LIMIT): number {
  if (raw === undefined || raw === '') return Math.min(fallback, max);
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw GraphErrors.invalidParameter('Param limit must be a non-negative integer');
  return Math.min(limit, max);
}

export function pageOf<T>(
  all: readonly T[],
  idOf: (item: T) => string,
  options: { limit: number; after?: string; before?: string },
): PageWindow<T> {
  const ids = all.map(idOf);
  let start = 0;
  let end = Math.min(all.length, options.limit);
  if (options.after) {
    start = decodeCursor(options.after, ids) + 1;
    end = Math.min(all.length, start + options.limit);
  } else if (options.before) {
    end = decodeCursor(options.before, ids);
    start = Math.max(0, end - options.limit);
  }
  const items = all.slice(start, end);
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    before: first === undefined ? undefined : encodeCursor(start, idOf(first)),
    after: last === undefined ? undefined : encodeCursor(end - 1, idOf(last)),
    hasNext: end < all.length,
    hasPrevious: start > 0,
  };
}

/** Builds the `paging` object; `link` turns extra query params into an absolute sandbox URL. */
export function pagingObject(
  window: PageWindow<unknown>,
  link: ((extra: Record<string, string>) => string) | undefined,
): Record<string, unknown> | undefined {
  if (window.before === undefined || window.after === undefined) return undefined;
  const paging: Record<string, unknown> = { cursors: { before: window.before, after: window.after } };
  if (link && window.hasPrevious) paging['previous'] = link({ before: window.before });
  if (link && window.hasNext) paging['next'] = link({ after: window.after });
  return paging;
}
