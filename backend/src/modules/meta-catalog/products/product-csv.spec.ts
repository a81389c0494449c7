import { parseCsv } from './csv-parse';
import { parseAmount, readProductCsv } from './product-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and numbers rows by line', () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n3,4');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/not closed/);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
  });
});

describe('parseAmount', () => {
  it.each([
    ['19.99', 1999],
    ['9', 900],
    ['12.5', 1250],
    ['0.05', 5],
  ])('%s → %d minor units', (text, minor) => expect(parseAmount(text)).toBe(minor));
  it.each(['12.5.0', '-1', '1,000', '', '1e3', '12.345'])('refuses %p', (text) => expect(parseAmount(text)).toBeUndefined());
});

describe('readProductCsv', () => {
  it('maps columns by header name and reports bad prices and short rows by line', () => {
    const { rows, problems, total } = readProductCsv(
      'name,retailer_id,price,currency,custom_label_1\nAuto,A-1,19.99,USD,TX\nHome,H-1,abc,USD,\nShort,S-1\n',
    );
    expect(total).toBe(3);
    expect(rows).toEqual([
      {
        row: 2,
        body: { retailerId: 'A-1', name: 'Auto', priceMinor: 1999, currency: 'USD', customLabels: [null, 'TX', null, null, null] },
      },
    ]);
    expect(problems).toEqual([
      { row: 3, field: 'price', message: expect.stringMatching(/not a price/) },
      { row: 4, field: 'row', message: 'The row has 2 cells; the header has 5' },
    ]);
  });

  it('imports nothing when the header has unknown or missing columns', () => {
    const { rows, problems } = readProductCsv('retailer_id,title\nA-1,Auto\n');
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'title'],
      [1, 'name'],
      [1, 'price'],
      [1, 'currency'],
    ]);
  });

  it('says an empty file is empty', () => {
    expect(readProductCsv('').problems[0].message).toMatch(/empty/);
  });
});
