import { Injectable } from '@nestjs/common';
import { LeadListQuery } from '@legeai/contracts';
import { Readable } from 'node:stream';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { leadCsvHeader, leadCsvRows } from './lead-csv';
import { LeadCursor, LeadRowsQuery } from './lead-rows.query';
import { toLeadSummary } from './lead.mapper';
import { assertDateRange } from './leads.service';

/** Rows read from the database per round trip while exporting. */
export const EXPORT_CHUNK_SIZE = 500;

export interface LeadExport {
  filename: string;
  stream: Readable;
}

/** Streams the filtered leads as CSV, chunk by chunk, so an export never holds the whole table in memory. */
@Injectable()
export class LeadsExportService {
  constructor(
    private readonly rows: LeadRowsQuery,
    private readonly audit: AuditService,
  ) {}

  /** Validates before anything is sent, so bad filters still get a 400 rather than a broken download. */
  export(principal: Principal, filter: LeadListQuery, now = new Date()): LeadExport {
    assertDateRange(filter);
    const query: LeadListQuery = { ...filter, limit: undefined, offset: undefined };
    return {
      filename: `leads-${now.toISOString().slice(0, 10)}.csv`,
      stream: Readable.from(this.lines(principal, query)),
    };
  }

  private async *lines(principal: Principal, query: LeadListQuery): AsyncGenerator<string> {
    let count = 0;
    let complete = false;
    try {
      yield leadCsvHeader();
      let cursor: LeadCursor | undefined;
      for (;;) {
        const chunk = await this.rows.chunk(principal.organisationId, query, EXPORT_CHUNK_SIZE, cursor);
        if (chunk.length > 0) {
          count += chunk.length;
          yield leadCsvRows(chunk.map(toLeadSummary));
        }
        if (chunk.length < EXPORT_CHUNK_SIZE) break;
        const last = chunk[chunk.length - 1];
        cursor = { receivedAt: last.cursorAt, id: last.id };
      }
      complete = true;
    } finally {
      // Also when the download is aborted (Nest destroys the stream, which runs this block) or fails midway: every
      // export that started is on record, with the rows produced so far and whether it finished.
      await this.audit.recordBy(principal, 'lead.exported', undefined, {
        filter: withoutUndefined(query),
        rows: count,
        complete,
      });
    }
  }
}

function withoutUndefined(query: LeadListQuery): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
}
