import { ForbiddenException, Injectable } from '@nestjs/common';
import { LeadListQuery } from '@legeai/contracts';
import { Readable } from 'node:stream';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { LeadSourceAssets } from '../meta-assets';
import { UsersService } from '../users';
import { LeadCustomValues } from './custom-fields/lead-custom-values.service';
import { LeadFieldsService } from './custom-fields/lead-fields.service';
import { csvHeader, csvRows } from './lead-csv';
import { ExportColumn, ExportContext, exportColumns } from './lead-export-columns';
import { LeadExportRow, LeadExportRowsQuery } from './lead-export-rows.query';
import { LeadRowsFilter } from './lead-filters';
import { LeadCursor } from './lead-rows.query';
import { XlsxSheetWriter } from './lead-xlsx';
import { assertDateRange } from './leads.service';

/** Rows read from the database per round trip while exporting. */
export const EXPORT_CHUNK_SIZE = 500;

export type LeadExportFormat = 'csv' | 'xlsx';

export interface LeadExport {
  filename: string;
  contentType: string;
  stream: Readable;
}

const CONTENT_TYPES: Record<LeadExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Streams the filtered leads as CSV or XLSX, chunk by chunk, so an export never holds the whole table in memory:
 * every answer under its question label, consent with its text and time, attribution by name and id. Exporting is
 * the contact details permission's (admins, managers, viewers granted it); every export is audited.
 */
@Injectable()
export class LeadsExportService {
  constructor(
    private readonly rows: LeadExportRowsQuery,
    private readonly assets: LeadSourceAssets,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly customValues: LeadCustomValues,
    private readonly customFields: LeadFieldsService,
  ) {}

  /** Checks and prepares before anything is sent, so a refusal or bad filters get a 4xx rather than a broken file. */
  async export(principal: Principal, filter: LeadListQuery, format: LeadExportFormat, now = new Date()): Promise<LeadExport> {
    assertDateRange(filter);
    if (!(await this.users.hasContactAccess(principal))) {
      throw new ForbiddenException(
        'Exporting leads includes their contact details: admins and managers may, and viewers an admin has granted it to',
      );
    }
    const fieldConditions = await this.customValues.conditions(principal.organisationId, filter.fields);
    const query: LeadRowsFilter = { ...filter, limit: undefined, offset: undefined, fieldConditions };
    const answerKeys = await this.rows.answerKeys(principal.organisationId, query);
    const formIds = [...new Set(answerKeys.map((a) => a.formId).filter((id): id is string => id !== null))];
    const pageIds = [...new Set(answerKeys.map((a) => a.pageId).filter((id): id is string => id !== null))];
    const [forms, pageNames, definitions] = await Promise.all([
      this.assets.forms(principal.organisationId, formIds),
      this.assets.pageNames(principal.organisationId, pageIds),
      this.customFields.definitions(principal.organisationId),
    ]);
    const columns = exportColumns(answerKeys, forms, definitions);
    const ctx: ExportContext = { forms, pageNames };
    const cells = (row: LeadExportRow) => columns.map((c) => c.cell(row, ctx));
    return {
      filename: `leads-${now.toISOString().slice(0, 10)}.${format}`,
      contentType: CONTENT_TYPES[format],
      stream:
        format === 'csv'
          ? csvStream(
              columns,
              this.chunks(principal, query, format, (rows) => Buffer.from(csvRows(rows.map(cells)))),
            )
          : xlsxStream(
              columns,
              this.chunks(principal, query, format, (rows) => rows.map(cells)),
            ),
    };
  }

  /**
   * The rows chunk by chunk (keyset, not OFFSET: a long export costs the same per chunk and rows arriving meanwhile do
   * not shift it), each chunk encoded as soon as it is read. The audit entry is written when the generator ends, also
   * when the download is aborted (the consumer's return runs the finally block) or fails midway: every export that
   * started is on record, with the rows produced so far and whether it finished.
   */
  private async *chunks<T>(
    principal: Principal,
    query: LeadRowsFilter,
    format: LeadExportFormat,
    encode: (rows: LeadExportRow[]) => T,
  ): AsyncGenerator<T> {
    let count = 0;
    let complete = false;
    try {
      let cursor: LeadCursor | undefined;
      for (;;) {
        const read = await this.encodedChunk(principal.organisationId, query, cursor, encode);
        if (read.size > 0) {
          count += read.size;
          yield read.encoded;
        }
        if (!read.next) break;
        cursor = read.next;
      }
      complete = true;
    } finally {
      await this.audit.recordBy(principal, 'lead.exported', undefined, {
        format,
        filter: withoutUndefined(query),
        rows: count,
        complete,
        contactDetails: true,
      });
    }
  }

  /**
   * One chunk read and encoded. The rows stay inside this call: while the client drains a chunk, the generator holds
   * only its encoded bytes, not the rows (the bulk of a chunk's memory).
   */
  private async encodedChunk<T>(
    organisationId: string,
    query: LeadRowsFilter,
    cursor: LeadCursor | undefined,
    encode: (rows: LeadExportRow[]) => T,
  ): Promise<{ encoded: T; size: number; next: LeadCursor | null }> {
    const rows = await this.rows.chunk(organisationId, query, EXPORT_CHUNK_SIZE, cursor);
    const last = rows.at(-1);
    const next = rows.length === EXPORT_CHUNK_SIZE && last ? { receivedAt: last.cursorAt, id: last.id } : null;
    return { encoded: encode(rows), size: rows.length, next };
  }
}

/**
 * The CSV's bytes, pulled by the response: at most one encoded chunk waits ahead of the client (a Readable.from
 * buffers 16 by default, which let the export read 16 chunks ahead of a slow client).
 */
function csvStream(columns: readonly ExportColumn[], chunks: AsyncGenerator<Buffer>): Readable {
  return Readable.from(csvLines(columns, chunks), { highWaterMark: 1 });
}

/**
 * The first chunk is read before the header is sent, so the audited read has started (an unstarted generator's
 * finally never runs): a download aborted during the header is on record too.
 */
async function* csvLines(columns: readonly ExportColumn[], chunks: AsyncGenerator<Buffer>): AsyncGenerator<Buffer | string> {
  try {
    const first = await chunks.next();
    yield csvHeader(columns.map((c) => c.header));
    if (first.done) return;
    yield first.value;
    for await (const bytes of chunks) yield bytes;
  } finally {
    await chunks.return(undefined);
  }
}

/** The workbook's bytes as they are zipped; a failure midway destroys the stream, which aborts the download. */
function xlsxStream(columns: readonly ExportColumn[], chunks: AsyncGenerator<string[][]>): Readable {
  const writer = new XlsxSheetWriter(
    'Leads',
    columns.map((c) => c.header),
  );
  void (async () => {
    try {
      for await (const rows of chunks) {
        if (writer.output.destroyed) break; // the client went away: stop reading (the generator's finally audits it)
        await writer.addRows(rows);
      }
      if (!writer.output.destroyed) await writer.finish();
    } catch (error) {
      writer.output.destroy(error as Error);
    }
  })();
  return writer.output;
}

function withoutUndefined(query: LeadRowsFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'fieldConditions'));
}
