import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

/** Bytes allowed to wait between the rows written and the client, before writing more rows waits for the client. */
const MAX_QUEUED_BYTES = 1 << 20;
const WAIT_MS = 5;

/**
 * A streamed XLSX workbook of one sheet whose every cell is text: a spreadsheet shows "+17185550179" as that phone
 * and "=HYPERLINK(...)" as those characters (a formula is a separate element of the file format, never a string
 * cell), and the columns are formatted as text so edits stay text. Written with exceljs's streaming writer, row by
 * row, without shared strings (a shared-strings table would hold every distinct value in memory until the end).
 *
 * exceljs does not pass the client's backpressure back to the writer: the sheet's rows are pushed into the zip
 * without waiting. So after each batch the writer waits while more than MAX_QUEUED_BYTES sit between the rows and
 * the client, which keeps memory flat however slowly the download is read.
 */
export class XlsxSheetWriter {
  readonly output = new PassThrough();
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;

  constructor(sheetName: string, headers: readonly string[]) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.output, useSharedStrings: false, useStyles: true });
    this.sheet = this.workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = headers.map((header) => ({
      header,
      width: Math.min(Math.max(header.length + 2, 12), 60),
      style: { numFmt: '@' },
    }));
    this.sheet.getRow(1).font = { bold: true };
    this.sheet.getRow(1).commit();
  }

  /** Writes the rows, then waits while too much is queued for the client. */
  async addRows(rows: readonly (readonly string[])[]): Promise<void> {
    for (const cells of rows) this.sheet.addRow([...cells]).commit();
    while (this.queuedBytes() > MAX_QUEUED_BYTES && !this.output.destroyed) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
  }

  /** Closes the sheet and the workbook; the output ends once the zip is complete. */
  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  /**
   * What waits for the client: in the sheet's entry of the zip (the stream exceljs pipes the sheet into, reached
   * through its StreamBuf, which has no public accessor for it), in the zip writer, and in the output. Those are
   * readable-stream v2 streams, which keep their lengths in the stream states only.
   */
  private queuedBytes(): number {
    const sheetStream = (this.sheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
    const zip = (this.workbook as unknown as { zip?: unknown }).zip;
    return [...(sheetStream?.pipes ?? []), zip, this.output].reduce<number>((n, stream) => n + buffered(stream), 0);
  }
}

interface StreamStates {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

function buffered(stream: unknown): number {
  const states = (stream ?? {}) as StreamStates;
  return (states._writableState?.length ?? 0) + (states._readableState?.length ?? 0);
}
