import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadListQuery } from '@legeai/contracts';
import type { Pool as PgPool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { EstimatedTotalCache, ListTotal, listTotal, searchTotal, totalFromPage } from '../../common/paging/estimated-total';
import { LeadCursor } from './lead-cursor';
import { buildLeadFilter, LeadRowsFilter, SqlFilter } from './lead-filters';
import { LEAD_FORM_JOIN, LEAD_SUMMARY_COLUMNS, LeadSummaryRow } from './lead.mapper';

export type { LeadCursor } from './lead-cursor';

export type LeadChunkRow = LeadSummaryRow & { cursorAt: string };

export interface LeadRowsPage {
  rows: LeadChunkRow[];
  total: number;
  totalExact: boolean;
  /** Where the next page starts; null on the last page. */
  next: LeadCursor | null;
}

/** Reads leads-table rows with the list filters: a page with its total, or keyset chunks for exports. */
@Injectable()
export class LeadRowsQuery {
  /**
   * The connection pool under TypeORM, for the page's rows: they are read on every request of the list, and TypeORM's
   * query runner (a pool checkout, logging hooks and result shaping per call) adds CPU that this read needs none of.
   */
  private readonly pool: PgPool;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pool = (dataSource.driver as PostgresDriver).master as PgPool;
  }

  /** Estimated totals per (organisation, filter), reused for 30 s; exact ones are counted every time. */
  private readonly estimates = new EstimatedTotalCache();

  /**
   * One page, by offset or, for deep pages, by cursor (keyset: page 10,000 costs what page 1 does). One row more
   * than asked tells whether a next page exists. The total comes, cheapest first, from the page itself (an offset
   * page with fewer rows than asked ends the list), from an estimate made for the same filter in the last 30 s, or
   * from `total` (a capped count, or a text search's sample). It is read after the rows rather
   * than beside them: most pages then need no count at all, and a request holds one pool connection, not two.
   */
  async page(organisationId: string, query: LeadRowsFilter, limit: number, offset: number, cursor?: LeadCursor): Promise<LeadRowsPage> {
    const filter = buildLeadFilter(organisationId, query);
    const rows = await this.read(filter, query, limit + 1, cursor, offset);
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows.at(-1);
    const next = more && last ? { receivedAt: last.cursorAt, id: last.id } : null;
    const total = totalFromPage({ offset, byCursor: cursor !== undefined, rows: rows.length, more }) ?? (await this.total(filter, query));
    // An estimate is never below what this page has shown to exist.
    const seen = cursor ? 0 : offset + rows.length + (more ? 1 : 0);
    return { rows, total: total.exact ? total.total : Math.max(total.total, seen), totalExact: total.exact, next };
  }

  /**
   * The next `size` rows after `cursor` in the query's order. Keyset rather than OFFSET, so a long export costs the
   * same per chunk and rows arriving meanwhile do not shift the pages.
   */
  chunk(organisationId: string, query: LeadRowsFilter, size: number, cursor?: LeadCursor): Promise<LeadChunkRow[]> {
    return this.read(buildLeadFilter(organisationId, query), query, size, cursor, 0);
  }

  private async read(
    filter: SqlFilter,
    query: LeadRowsFilter,
    size: number,
    cursor: LeadCursor | undefined,
    offset: number,
  ): Promise<LeadChunkRow[]> {
    const all = [...filter.params];
    let after = '';
    if (cursor) {
      all.push(cursor.receivedAt, cursor.id);
      const cmp = descending(query) ? '<' : '>';
      after = ` AND (l.received_at, l.id) ${cmp} ($${all.length - 1}::timestamptz, $${all.length}::uuid)`;
    }
    all.push(size, offset);
    const { rows } = await this.pool.query<LeadChunkRow>(
      `SELECT ${LEAD_SUMMARY_COLUMNS}, l.received_at::text AS "cursorAt" FROM leads l ${LEAD_FORM_JOIN}
       WHERE ${filter.where}${after} ORDER BY ${orderBy(query)} LIMIT $${all.length - 1} OFFSET $${all.length}`,
      all,
    );
    return rows;
  }

  /**
   * Exact up to EXACT_TOTAL_LIMIT, PostgreSQL's estimate beyond, a recent estimate for the same filter if there is
   * one. A text search's total is sampled (`searchTotal`): the planner's guess for a substring match was off by a
   * factor of 250, and its trigram match cannot stop at a cap.
   */
  private async total(filter: SqlFilter, query: LeadRowsFilter): Promise<ListTotal> {
    const key = JSON.stringify([filter.where, filter.params]);
    const cached = this.estimates.get(key);
    if (cached) return cached;
    const run = <T>(sql: string, values: unknown[]) => this.dataSource.query<T[]>(sql, values);
    const total = filter.search
      ? await searchTotal(run, { from: 'leads l', order: orderBy(query), params: filter.params, ...filter.search })
      : await listTotal(run, `FROM leads l WHERE ${filter.where}`, filter.params);
    this.estimates.remember(key, total);
    return total;
  }
}

const descending = (query: LeadListQuery): boolean => query.sort !== 'receivedAt';

/** Newest first unless asked otherwise; the id breaks ties so paging is stable. */
function orderBy(query: LeadListQuery): string {
  const dir = descending(query) ? 'DESC' : 'ASC';
  return `l.received_at ${dir}, l.id ${dir}`;
}
