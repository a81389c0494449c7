import { LeadSource, LeadStatus, Role } from '@legeai/contracts';
import { once } from 'node:events';
import { Principal } from '../../common/auth/principal';
import { AuditService } from '../audit';
import { LeadChunkRow, LeadRowsQuery } from './lead-rows.query';
import { EXPORT_CHUNK_SIZE, LeadsExportService } from './leads-export.service';

const principal: Principal = { kind: 'user', id: 'u1', organisationId: 'o1', role: Role.Viewer };

const row = (i: number): LeadChunkRow => ({
  id: `id-${i}`, fullName: `Lead ${i}`, email: null, phone: null, phoneE164: null, status: LeadStatus.New,
  source: LeadSource.Manual, formId: null, formName: null, campaignId: null, campaignName: null, isOrganic: false,
  isTest: false, duplicateOfId: null, duplicateRule: null, needsReview: false, premiumValue: null, premiumCurrency: null,
  receivedAt: new Date(Date.UTC(2026, 0, 1)), cursorAt: `2026-01-01 00:00:00.00000${i % 10}+00`,
});

describe(LeadsExportService.name, () => {
  const setup = (chunks: LeadChunkRow[][]) => {
    const chunk = jest.fn(async () => chunks.shift() ?? []);
    const recordBy = jest.fn(async () => undefined);
    const sut = new LeadsExportService({ chunk } as unknown as LeadRowsQuery, { recordBy } as unknown as AuditService);
    return { sut, chunk, recordBy };
  };
  const full = (from: number) => Array.from({ length: EXPORT_CHUNK_SIZE }, (_, i) => row(from + i));

  it('resumes each chunk after the last row read, and audits the total once finished', async () => {
    const { sut, chunk, recordBy } = setup([full(0), [row(9999)]]);
    const { stream } = sut.export(principal, { status: LeadStatus.New });
    let text = '';
    for await (const part of stream) text += part;

    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + EXPORT_CHUNK_SIZE + 1);
    expect(chunk).toHaveBeenCalledTimes(2);
    const last = full(0)[EXPORT_CHUNK_SIZE - 1];
    expect(chunk).toHaveBeenLastCalledWith('o1', expect.anything(), EXPORT_CHUNK_SIZE, { receivedAt: last.cursorAt, id: last.id });
    expect(recordBy).toHaveBeenCalledWith(principal, 'lead.exported', undefined, {
      filter: { status: 'new' }, rows: EXPORT_CHUNK_SIZE + 1, complete: true,
    });
  });

  it('audits an aborted download with the rows produced so far', async () => {
    const { sut, recordBy } = setup([full(0), full(500), full(1000)]);
    const { stream } = sut.export(principal, {});
    stream.once('data', () => stream.destroy());
    await once(stream, 'close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(recordBy).toHaveBeenCalledTimes(1);
    expect(recordBy).toHaveBeenCalledWith(principal, 'lead.exported', undefined, expect.objectContaining({ complete: false }));
  });

  it('names the file after the day of the export', () => {
    const { sut } = setup([]);
    expect(sut.export(principal, {}, new Date('2026-11-29T23:59:00Z')).filename).toBe('leads-2026-11-29.csv');
  });
});
