import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { XlsxSheetWriter } from './lead-xlsx';

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe(XlsxSheetWriter.name, () => {
  it('writes every cell as text: a phone stays a phone and a formula stays characters', async () => {
    const writer = new XlsxSheetWriter('Leads', ['phone', 'name', 'amount']);
    const done = collect(writer.output);
    await writer.addRows([['+17185550179', '=HYPERLINK("http://evil.test","x")', '1250.50']]);
    await writer.finish();

    const book = new ExcelJS.Workbook();
    // ExcelJS types its input as its own Buffer (an ArrayBuffer), which Node's Buffer type no longer matches.
    await book.xlsx.load((await done) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = book.getWorksheet('Leads')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'phone', 'name', 'amount']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('+17185550179');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe('=HYPERLINK("http://evil.test","x")');
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe('1250.50');
    expect(row.getCell(1).numFmt).toBe('@');
  });

  it('waits for a client that does not read instead of queueing the whole export', async () => {
    const writer = new XlsxSheetWriter('Leads', ['a', 'b']);
    // Random text compresses little, like real names and answers.
    const noise = () => randomBytes(150).toString('base64');
    let batches = 0;
    const producing = (async () => {
      for (let i = 0; i < 30; i++) {
        await writer.addRows(Array.from({ length: 500 }, () => [noise(), noise()]));
        batches++;
      }
      await writer.finish();
    })();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // 30 batches of ~200 kB each would be ~6 MB; unread, the writer stops after the first few.
    expect(batches).toBeLessThan(10);
    const size = (await collect(writer.output)).length;
    await producing;
    expect(batches).toBe(30);
    expect(size).toBeGreaterThan(0);
  }, 30_000);
});
