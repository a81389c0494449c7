import { parse } from 'csv-parse/sync';
import { csvHeader, csvRows, defuseFormula } from './lead-csv';

describe('lead CSV', () => {
  it('starts with a UTF-8 BOM and a CRLF-terminated header row', () => {
    const header = csvHeader(['id', 'received_at', 'What year is your vehicle?']);
    expect(header).toBe('\uFEFFid,received_at,What year is your vehicle?\r\n');
  });

  it('writes one CRLF line per row, empty cells as empty fields', () => {
    expect(
      csvRows([
        ['a', '', 'c'],
        ['d', 'e', 'f'],
      ]),
    ).toBe('a,,c\r\nd,e,f\r\n');
    expect(csvRows([])).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    const line = csvRows([['Doe, Jane "JD"', 'Line1\nLine2', 'a\rb']]);
    expect(line).toBe('"Doe, Jane ""JD""","Line1\nLine2","a\rb"\r\n');
  });

  it('keeps non-Latin text as is', () => {
    expect(csvRows([['Ζωή Παπαδοπούλου 山田太郎']])).toBe('Ζωή Παπαδοπούλου 山田太郎\r\n');
  });

  it.each(['=HYPERLINK("http://x","y")', '+SUM(1,2)', '@cmd', "-2+3+cmd|' /C calc'!A0", '=1+1', '\tx', '+', '-'])(
    'defuses formula %j with a leading apostrophe',
    (v) => {
      expect(defuseFormula(v)).toBe(`'${v}`);
    },
  );

  it.each(['+17185550179', '+1 (718) 555-0179', '-12.50', '+44 20 7946 0958', '1,250.50', '-1,250.50', '555/0100', 'plain', ''])(
    'leaves the real value %j alone',
    (v) => {
      expect(defuseFormula(v)).toBe(v);
    },
  );

  it('round-trips a phone through a CSV reader unchanged', () => {
    const text = csvHeader(['phone', 'name']) + csvRows([['+17185550179', '=cmd()']]);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toEqual([{ phone: '+17185550179', name: "'=cmd()" }]);
  });

  it('round-trips awkward text through a CSV reader cell for cell', () => {
    const cells = ['a,b', 'say "hi"', '"', '""', 'x\r\ny', '\n', 'a\rb', ' padded ', '', 'plain', ',', 'tab\tinside', 'Ζωή, "Zoe"'];
    const rows = [cells, [...cells].reverse()];
    const records = parse(csvHeader(cells.map((_, i) => `c${i}`)) + csvRows(rows), { bom: true }) as string[][];
    expect(records.slice(1)).toEqual(rows);
  });
});
