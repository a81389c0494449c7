import { CsvSyntaxError, parseCsv } from './csv-parse';
import { MAX_CUSTOM_LABELS } from './product-fields';

/** Columns of the import file; the header row names them, in any order. `retailer_id` and `name` are required. */
export const CSV_COLUMNS = [
  'retailer_id',
  'name',
  'description',
  'brand',
  'line_of_business',
  'price',
  'currency',
  'landing_url',
  'image_url',
  'availability',
  'custom_label_0',
  'custom_label_1',
  'custom_label_2',
  'custom_label_3',
  'custom_label_4',
] as const;
const REQUIRED_COLUMNS = ['retailer_id', 'name', 'price', 'currency'];
/** Rows one import takes; a bigger catalog is several files. */
export const MAX_IMPORT_ROWS = 20_000;

export interface CsvProblem {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

/** A row turned into the create body (still to be validated like one). */
export interface CsvProductRow {
  row: number;
  body: Record<string, unknown>;
}

/** "19.99" → 1999; undefined when it is not a plain amount with at most two decimals. */
export function parseAmount(text: string): number | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * Reads an import file into create bodies by header name. File-level problems (no header, unknown or missing
 * columns, broken quoting) come back as problems of row 1 or of the broken line, and no row is read.
 */
export function readProductCsv(text: string): { rows: CsvProductRow[]; problems: CsvProblem[]; total: number } {
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { rows: [], problems: [{ row: error.line, field: 'file', message: error.message }], total: 0 };
    throw error;
  }
  const [header, ...body] = parsed;
  if (!header)
    return { rows: [], problems: [{ row: 1, field: 'file', message: 'The file is empty: it needs a header row and products' }], total: 0 };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  for (const name of names) {
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      problems.push({ row: header.line, field: name || '(blank)', message: `Unknown column; the columns are ${CSV_COLUMNS.join(', ')}` });
  }
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) problems.push({ row: header.line, field: required, message: 'Required column missing from the header' });
  }
  if (body.length > MAX_IMPORT_ROWS)
    problems.push({ row: 1, field: 'file', message: `The file has ${body.length} products; import at most ${MAX_IMPORT_ROWS} at a time` });
  if (problems.length > 0) return { rows: [], problems, total: body.length };

  const rows: CsvProductRow[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== names.length) {
      problems.push({ row: line, field: 'row', message: `The row has ${cells.length} cells; the header has ${names.length}` });
      continue;
    }
    const value = (column: string): string | undefined => {
      const index = names.indexOf(column);
      const text = index < 0 ? undefined : cells[index].trim();
      return text === '' ? undefined : text;
    };
    const out: Record<string, unknown> = {};
    const text = (column: string, key: string) => {
      const v = value(column);
      if (v !== undefined) out[key] = v;
    };
    text('retailer_id', 'retailerId');
    text('name', 'name');
    text('description', 'description');
    text('brand', 'brand');
    text('line_of_business', 'lineOfBusiness');
    text('currency', 'currency');
    text('landing_url', 'landingUrl');
    text('image_url', 'imageUrl');
    text('availability', 'availability');
    const price = value('price');
    if (price !== undefined) {
      const minor = parseAmount(price);
      if (minor === undefined) {
        problems.push({ row: line, field: 'price', message: `"${price}" is not a price: write an amount like 19.99` });
        continue;
      }
      out['priceMinor'] = minor;
    }
    const labels: (string | null)[] = [];
    for (let i = 0; i < MAX_CUSTOM_LABELS; i++) labels.push(value(`custom_label_${i}`) ?? null);
    out['customLabels'] = labels;
    rows.push({ row: line, body: out });
  }
  return { rows, problems, total: body.length };
}
