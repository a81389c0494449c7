/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell starting with = + - @, tab or CR may be run as a
 * formula when the file is opened in a spreadsheet, and names and answers are typed by strangers on Facebook.
 * Such a cell gets a leading apostrophe, unless it is a plain number or phone number (an optional leading + or -,
 * then only digits, spaces and . , ( ) / -): with no letters it can call no function and name no cell, so it is
 * harmless, and escaping it would corrupt real values ("+17185550179" must reach a CSV reader as that phone).
 * A spreadsheet still reads "+17185550179" as the number 17185550179: open the XLSX export in a spreadsheet, where
 * every cell is text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER_OR_PHONE = /^[+-]?[\d .,()/-]*\d[\d .,()/-]*$/;

export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER_OR_PHONE.test(value) ? `'${value}` : value;
}

/** A field needs quotes when it holds the delimiter, a quote or a line break (bare CR or LF included). */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break, quotes doubled. Written by hand rather than
 * through csv-stringify: an export writes millions of fields, and the library's per-call state and per-field option
 * checks were the export's largest allocator (without it, a 100,000-lead export runs half as many collections).
 */
function csvField(value: string): string {
  const cell = defuseFormula(value);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

/** One CRLF-terminated record. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvField(cells[i]);
  return line + '\r\n';
}

/** The header line. A UTF-8 byte order mark goes first so Excel reads non-Latin names correctly. */
export function csvHeader(headers: readonly string[]): string {
  return '\uFEFF' + csvLine(headers);
}

export function csvRows(rows: readonly (readonly string[])[]): string {
  let text = '';
  for (const cells of rows) text += csvLine(cells);
  return text;
}
