import { LeadSource, LeadStatus, LeadSummaryDto } from '@legeai/contracts';
import { LEAD_CSV_COLUMNS, leadCsvHeader, leadCsvRows } from './lead-csv';

const lead = (over: Partial<LeadSummaryDto> = {}): LeadSummaryDto => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  fullName: 'Jane Doe',
  email: 'jane@example.com',
  phone: '555 0100',
  phoneE164: null,
  status: LeadStatus.New,
  source: LeadSource.MetaLeadAds,
  formId: 'f1',
  formName: 'Car quote',
  campaignId: null,
  campaignName: null,
  isOrganic: false,
  isTest: false,
  duplicateOfId: null,
  duplicateRule: null,
  needsReview: false,
  premiumValue: '1249.50',
  premiumCurrency: 'EUR',
  receivedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

/** The cells of the one data line produced for `l`. */
const cells = (l: LeadSummaryDto): string => leadCsvRows([l]);
const column = (name: string) => LEAD_CSV_COLUMNS.findIndex((c) => c.header === name);

describe('lead CSV', () => {
  it('starts with a UTF-8 BOM and a CRLF-terminated header row', () => {
    const header = leadCsvHeader();
    expect(header.startsWith('\uFEFFid,received_at,status,full_name,email,phone')).toBe(true);
    expect(header.endsWith('premium_currency\r\n')).toBe(true);
  });

  it('writes a plain row unquoted, empty cells for nulls, one CRLF line per lead', () => {
    const line = cells(lead());
    expect(line.endsWith('\r\n')).toBe(true);
    const fields = line.trimEnd().split(',');
    expect(fields).toHaveLength(LEAD_CSV_COLUMNS.length);
    expect(fields[column('full_name')]).toBe('Jane Doe');
    expect(fields[column('phone_e164')]).toBe('');
    expect(fields[column('premium_value')]).toBe('1249.50');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    const line = cells(lead({ fullName: 'Doe, Jane "JD"', formName: 'Line1\nLine2', campaignName: 'a\rb' }));
    expect(line).toContain(',"Doe, Jane ""JD""",');
    expect(line).toContain(',"Line1\nLine2",');
    expect(line).toContain(',"a\rb",');
  });

  it('keeps non-Latin text as is', () => {
    expect(cells(lead({ fullName: 'Ζωή Παπαδοπούλου 山田太郎' }))).toContain(',Ζωή Παπαδοπούλου 山田太郎,');
  });

  it.each(['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-2+3', '@cmd'])('defuses formula %s with a leading apostrophe', (v) => {
    const line = cells(lead({ fullName: v }));
    const expected = /[",]/.test(v) ? `"'${v.replace(/"/g, '""')}"` : `'${v}`;
    expect(line).toContain(`,${expected},`);
  });

  it('writes nothing for no leads', () => {
    expect(leadCsvRows([])).toBe('');
  });
});
