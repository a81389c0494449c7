import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeadListQuery } from '@legeai/contracts';
import { DataSource } from 'typeorm';
import { buildLeadFilter, LeadRowsFilter } from './lead-filters';
import { LEAD_FORM_JOIN, LEAD_SUMMARY_COLUMNS, LeadSummaryRow } from './lead.mapper';

/** Where a keyset chunk resumes: the last row's exact received_at (as text, keeping microseconds) and id. */
export interface LeadCursor {
  receivedAt: string;
  id: string;
}

export type LeadChunkRow = LeadSummaryRow & { cursorAt: string };

/** Reads leads-table rows with the list filters: a page with its total, or keyset chunks for exports. */
@Injectable()
export class LeadRowsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(organisationId: string, query: LeadRowsFilter, limit: number, offset: number) {
    const { where, params } = buildLeadFilter(organisationId, query);
    const n = params.length;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<LeadSummaryRow[]>(
        `SELECT ${LEAD_SUMMARY_COLUMNS} FROM leads l ${LEAD_FORM_JOIN}
         WHERE ${where} ORDER BY ${orderBy(query)} LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM leads l WHERE ${where}`, params),
    ]);
    return { rows, total };
  }

  /**
   * The next `size` rows after `cursor` in the query's order. Keyset rather than OFFSET, so a long export costs the
   * same per chunk and rows arriving meanwhile do not shift the pages.
   */
  chunk(organisationId: string, query: LeadRowsFilter, size: number, cursor?: LeadCursor): Promise<LeadChunkRow[]> {
    const { where, params } = buildLeadFilter(organisationId, query);
    const all = [...params];
    let after = '';
    if (cursor) {
      all.push(cursor.receivedAt, cursor.id);
      const cmp = descending(query) ? '<' : '>';
      after = ` AND (l.received_at, l.id) ${cmp} ($${all.length - 1}::timestamptz, $${all.length}::uuid)`;
    }
    all.push(size);
    return this.dataSource.query<LeadChunkRow[]>(
      `SELECT ${LEAD_SUMMARY_COLUMNS}, l.received_at::text AS "cursorAt" FROM leads l ${LEAD_FORM_JOIN}
       WHERE ${where}${after} ORDER BY ${orderBy(query)} LIMIT $${all.length}`,
      all,
    );
  }
}

const descending = (query: LeadListQuery): boolean => query.sort !== 'receivedAt';

/** Newest first unless asked otherwise; the id breaks ties so paging is stable. */
function orderBy(query: LeadListQuery): string {
  const dir = descending(query) ? 'DESC' : 'ASC';
  return `l.received_at ${dir}, l.id ${dir}`;
}
