import { stringify } from 'csv-stringify/sync';

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

/**
 * RFC 4180 output: CRLF, fields quoted when they hold a comma, quote or line break, quotes doubled. csv-stringify
 * quotes only on the record delimiter itself (CRLF here), so a bare LF or CR in an answer is quoted explicitly.
 */
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The header line. A UTF-8 byte order mark goes first so Excel reads non-Latin names correctly. */
export function csvHeader(headers: readonly string[]): string {
  return '\uFEFF' + stringify([headers.map(defuseFormula)], OPTIONS);
}

export function csvRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return stringify(
    rows.map((cells) => cells.map(defuseFormula)),
    OPTIONS,
  );
}
