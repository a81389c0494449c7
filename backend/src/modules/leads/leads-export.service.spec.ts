import { LeadSource, LeadStatus, Role } from '@legeai/contracts';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { LeadSourceAssets } from '../meta-assets';
import { UsersService } from '../users';
import { LeadCustomValues } from './custom-fields/lead-custom-values.service';
import { LeadFieldsService } from './custom-fields/lead-fields.service';
import { LeadExportRow, LeadExportRowsQuery } from './lead-export-rows.query';
import { EXPORT_CHUNK_SIZE, LeadsExportService } from './leads-export.service';

const principal: Principal = { kind: 'user', id: 'u1', organisationId: 'o1', role: Role.Manager };

const row = (i: number): LeadExportRow => ({
  id: `id-${i}`,
  cursorAt: `2026-01-01 00:00:00.00000${i % 10}+00`,
  receivedAt: new Date(Date.UTC(2026, 0, 1)),
  status: LeadStatus.New,
  premiumValue: null,
  premiumCurrency: null,
  fullName: `Lead ${i}`,
  firstName: null,
  lastName: null,
  email: null,
  phone: '+17185550179',
  phoneE164: '+17185550179',
  streetAddress: null,
  city: null,
  state: null,
  zipCode: null,
  country: null,
  dateOfBirth: null,
  productInterest: null,
  source: LeadSource.MetaLeadAds,
  platform: 'ig',
  isOrganic: false,
  isTest: false,
  pageId: 'P1',
  formId: 'F1',
  campaignId: null,
  campaignName: null,
  adsetId: null,
  adsetName: null,
  adId: null,
  adName: null,
  metaLeadId: null,
  duplicateOfId: null,
  duplicateRule: null,
  needsReview: false,
  rawAnswers: [{ name: 'vehicle_year', values: ['2024'] }],
  consentResponses: [],
  customFields: {},
});

async function text(stream: Readable): Promise<string> {
  let all = '';
  for await (const part of stream) all += part;
  return all;
}

describe(LeadsExportService.name, () => {
  const setup = (chunks: LeadExportRow[][], contactAccess = true) => {
    const chunk = jest.fn(async () => chunks.shift() ?? []);
    const answerKeys = jest.fn(async () => [{ formId: 'F1', pageId: 'P1', keys: ['vehicle_year'] }]);
    const recordBy = jest.fn(async () => undefined);
    const assets = {
      forms: async () =>
        new Map([
          [
            'F1',
            {
              formId: 'F1',
              name: 'Auto',
              locale: 'EN_US',
              legalContent: null,
              questions: [{ key: 'vehicle_year', label: 'What year is your vehicle?', type: 'CUSTOM' }],
            },
          ],
        ]),
      pageNames: async () => new Map([['P1', 'Harbor Point']]),
    };
    const sut = new LeadsExportService(
      { chunk, answerKeys } as unknown as LeadExportRowsQuery,
      assets as unknown as LeadSourceAssets,
      { hasContactAccess: async () => contactAccess } as unknown as UsersService,
      { recordBy } as unknown as AuditService,
      { conditions: async () => [] } as unknown as LeadCustomValues,
      { definitions: async () => [] } as unknown as LeadFieldsService,
    );
    return { sut, chunk, recordBy };
  };
  const full = (from: number) => Array.from({ length: EXPORT_CHUNK_SIZE }, (_, i) => row(from + i));

  it('resumes each chunk after the last row read, and audits the total once finished', async () => {
    const { sut, chunk, recordBy } = setup([full(0), [row(9999)]]);
    const { stream, contentType } = await sut.export(principal, { status: LeadStatus.New }, 'csv');
    const csv = await text(stream);
    expect(contentType).toBe('text/csv; charset=utf-8');

    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + EXPORT_CHUNK_SIZE + 1);
    expect(lines[0]).toMatch(/,page_name,.*,What year is your vehicle\?$/);
    expect(lines[1]).toMatch(/,\+17185550179,\+17185550179,.*,Harbor Point,.*,2024$/);
    expect(chunk).toHaveBeenCalledTimes(2);
    const last = full(0)[EXPORT_CHUNK_SIZE - 1];
    expect(chunk).toHaveBeenLastCalledWith('o1', expect.anything(), EXPORT_CHUNK_SIZE, { receivedAt: last.cursorAt, id: last.id });
    expect(recordBy).toHaveBeenCalledWith(principal, 'lead.exported', undefined, {
      format: 'csv',
      filter: { status: 'new' },
      rows: EXPORT_CHUNK_SIZE + 1,
      complete: true,
      contactDetails: true,
    });
  });

  it('reads the next chunk only as the client takes the previous ones, so memory does not grow with the rows', async () => {
    const total = 40;
    const { sut, chunk } = setup(Array.from({ length: total }, (_, i) => full(i * EXPORT_CHUNK_SIZE)));
    const { stream } = await sut.export(principal, {}, 'csv');
    // The client takes the header and then stops reading: the export must stop too, one chunk ahead at most.
    await new Promise<void>((resolve) => stream.once('data', () => (stream.pause(), resolve())));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chunk.mock.calls.length).toBeLessThanOrEqual(3);

    let bytes = 0;
    for await (const part of stream) bytes += (part as Buffer).length;
    expect(chunk).toHaveBeenCalledTimes(total + 1);
    expect(bytes).toBeGreaterThan(total * EXPORT_CHUNK_SIZE * 50);
  });

  it('writes the same columns as an XLSX workbook of text cells', async () => {
    const { sut, recordBy } = setup([[row(1)]]);
    const { stream, filename } = await sut.export(principal, {}, 'xlsx', new Date('2026-11-29T10:00:00Z'));
    expect(filename).toBe('leads-2026-11-29.xlsx');
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(part as Buffer);
    const book = new ExcelJS.Workbook();
    // ExcelJS types its input as its own Buffer (an ArrayBuffer), which Node's Buffer type no longer matches.
    await book.xlsx.load(Buffer.concat(parts) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = book.getWorksheet('Leads')!;
    const headers = sheet.getRow(1).values as string[];
    expect(sheet.getRow(2).getCell(headers.indexOf('phone')).value).toBe('+17185550179');
    expect(sheet.getRow(2).getCell(headers.indexOf('What year is your vehicle?')).value).toBe('2024');
    expect(recordBy).toHaveBeenCalledWith(
      principal,
      'lead.exported',
      undefined,
      expect.objectContaining({ format: 'xlsx', rows: 1, complete: true }),
    );
  });

  it('audits an aborted download with the rows produced so far', async () => {
    const { sut, recordBy } = setup([full(0), full(500), full(1000)]);
    const { stream } = await sut.export(principal, {}, 'csv');
    stream.once('data', () => stream.destroy());
    await once(stream, 'close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(recordBy).toHaveBeenCalledTimes(1);
    expect(recordBy).toHaveBeenCalledWith(principal, 'lead.exported', undefined, expect.objectContaining({ complete: false }));
  });

  it('refuses a caller without the contact details permission before reading any lead', async () => {
    const { sut, chunk } = setup([full(0)], false);
    await expect(sut.export({ ...principal, role: Role.Viewer }, {}, 'csv')).rejects.toThrow(/contact details/);
    expect(chunk).not.toHaveBeenCalled();
  });
});
