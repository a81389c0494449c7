/**
 * Up to this many matching rows a list's total is counted exactly (a count that stops after this many index entries
 * costs about as much as the page); beyond it the total is PostgreSQL's estimate. Counting a million rows exactly
 * took 0.3–1 s per request, for a number nobody reads to the unit.
 */
export const EXACT_TOTAL_LIMIT = 1_000;

export interface ListTotal {
  total: number;
  /** false when `total` is the planner's estimate. */
  exact: boolean;
}

type RunQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * The total of `SELECT 1 <fromWhere>`: exact up to EXACT_TOTAL_LIMIT (the count stops there), beyond it the planner's
 * row estimate for the same query (EXPLAIN plans without running it), never below the counted limit.
 */
export async function listTotal(run: RunQuery, fromWhere: string, params: unknown[]): Promise<ListTotal> {
  const [{ n }] = await run<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${EXACT_TOTAL_LIMIT + 1}) capped`,
    params,
  );
  if (n <= EXACT_TOTAL_LIMIT) return { total: n, exact: true };
  return { total: Math.max(await estimate(run, fromWhere, params), EXACT_TOTAL_LIMIT + 1), exact: false };
}

async function estimate(run: RunQuery, fromWhere: string, params: unknown[]): Promise<number> {
  const [plan] = await run<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`, params);
  return Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']);
}

/** How many rows of a list without its text search the search's total is estimated from. */
export const SEARCH_SAMPLE_ROWS = 5_000;

/** A text search over a list: `SELECT 1 FROM <from> WHERE <base> AND (<clause>)`, the list read newest first by `order`. */
export interface SearchedList {
  from: string;
  base: string;
  clause: string;
  order: string;
  params: unknown[];
  /** How many of `params` `base` uses (the first ones); the clause's come after. */
  baseParams: number;
}

/**
 * The total of a text search. The planner cannot estimate a substring match (it assumes a small fixed share: a name
 * matching 50,000 of 1,000,000 leads was estimated at 199 in one run and 40,000 in another), and counting cannot
 * stop at a cap (the trigram index yields every match before the first row). So the search runs over the newest
 * SEARCH_SAMPLE_ROWS rows of the list without it, and its share there scales that list's total (`listTotal`: exact up
 * to the cap, beyond it the planner's estimate, which is sound for plain column filters). A list without the search
 * that fits in the sample is searched whole: that total is exact.
 */
export async function searchTotal(run: RunQuery, list: SearchedList): Promise<ListTotal> {
  const [{ seen, hits }] = await run<{ seen: number; hits: number }>(
    `SELECT count(*)::int AS seen, count(*) FILTER (WHERE s.hit)::int AS hits
       FROM (SELECT (${list.clause}) AS hit FROM ${list.from} WHERE ${list.base} ORDER BY ${list.order} LIMIT ${SEARCH_SAMPLE_ROWS}) s`,
    list.params,
  );
  if (seen < SEARCH_SAMPLE_ROWS) return { total: hits, exact: true };
  const base = await listTotal(run, `FROM ${list.from} WHERE ${list.base}`, list.params.slice(0, list.baseParams));
  return { total: Math.round((hits / seen) * base.total), exact: false };
}

/**
 * The total a page tells by itself, with no count: an offset page holding fewer rows than asked for ends the list,
 * so the total is its offset plus its rows (an empty page past the end tells nothing). A cursor page never does: it
 * does not know how many rows came before it.
 */
export function totalFromPage(page: { offset: number; byCursor: boolean; rows: number; more: boolean }): ListTotal | null {
  if (page.byCursor || page.more || (page.rows === 0 && page.offset > 0)) return null;
  return { total: page.offset + page.rows, exact: true };
}

/** How long an estimated total is reused for the same filter. Estimates are approximate already; 30 s adds little. */
export const ESTIMATE_TTL_MS = 30_000;
const ESTIMATE_CACHE_ENTRIES = 1_000;

/**
 * Estimated totals per filter, kept in this process for ESTIMATE_TTL_MS: paging through a large list, or the same
 * view opened again, does not plan (and count to the cap) again on every request. Exact totals are never kept, so an
 * exact answer is always a fresh count. Nothing is invalidated on writes: an estimate says `exact: false` anyway.
 * The key must hold everything the total depends on, the organisation included (the filter's SQL and parameters).
 */
export class EstimatedTotalCache {
  private readonly entries = new Map<string, { total: number; until: number }>();

  constructor(
    private readonly ttlMs = ESTIMATE_TTL_MS,
    private readonly maxEntries = ESTIMATE_CACHE_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): ListTotal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return { total: entry.total, exact: false };
  }

  /** Keeps `total` when it is an estimate; the oldest entry goes when full. */
  remember(key: string, total: ListTotal): void {
    if (total.exact) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { total: total.total, until: this.now() + this.ttlMs });
  }
}
