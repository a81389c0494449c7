import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadListQuery } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { ListTotal, listTotal } from '../../common/paging/estimated-total';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One page, by offset or, for deep pages, by cursor (keyset: page 10,000 costs what page 1 does). One row more
   * than asked tells whether a next page exists. The total is read beside the rows, on another connection.
   */
  async page(organisationId: string, query: LeadRowsFilter, limit: number, offset: number, cursor?: LeadCursor): Promise<LeadRowsPage> {
    const filter = buildLeadFilter(organisationId, query);
    const [rows, total] = await Promise.all([this.read(filter, query, limit + 1, cursor, offset), this.total(filter)]);
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows.at(-1);
    const next = more && last ? { receivedAt: last.cursorAt, id: last.id } : null;
    return { rows, total: total.total, totalExact: total.exact, next };
  }

  /**
   * The next `size` rows after `cursor` in the query's order. Keyset rather than OFFSET, so a long export costs the
   * same per chunk and rows arriving meanwhile do not shift the pages.
   */
  chunk(organisationId: string, query: LeadRowsFilter, size: number, cursor?: LeadCursor): Promise<LeadChunkRow[]> {
    return this.read(buildLeadFilter(organisationId, query), query, size, cursor, 0);
  }

  private read(filter: SqlFilter, query: LeadRowsFilter, size: number, cursor: LeadCursor | undefined, offset: number) {
    const all = [...filter.params];
    let after = '';
    if (cursor) {
      all.push(cursor.receivedAt, cursor.id);
      const cmp = descending(query) ? '<' : '>';
      after = ` AND (l.received_at, l.id) ${cmp} ($${all.length - 1}::timestamptz, $${all.length}::uuid)`;
    }
    all.push(size, offset);
    return this.dataSource.query<LeadChunkRow[]>(
      `SELECT ${LEAD_SUMMARY_COLUMNS}, l.received_at::text AS "cursorAt" FROM leads l ${LEAD_FORM_JOIN}
       WHERE ${filter.where}${after} ORDER BY ${orderBy(query)} LIMIT $${all.length - 1} OFFSET $${all.length}`,
      all,
    );
  }

  /** Exact up to EXACT_TOTAL_LIMIT, PostgreSQL's estimate beyond. */
  private total({ where, params }: SqlFilter): Promise<ListTotal> {
    return listTotal((sql, values) => this.dataSource.query(sql, values), `FROM leads l WHERE ${where}`, params);
  }
}

const descending = (query: LeadListQuery): boolean => query.sort !== 'receivedAt';

/** Newest first unless asked otherwise; the id breaks ties so paging is stable. */
function orderBy(query: LeadListQuery): string {
  const dir = descending(query) ? 'DESC' : 'ASC';
  return `l.received_at ${dir}, l.id ${dir}`;
}
