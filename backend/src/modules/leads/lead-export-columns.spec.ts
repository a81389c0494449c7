import type { LeadFormFacts } from '../meta-assets';
import { exportColumns } from './lead-export-columns';
import type { LeadExportRow } from './lead-export-rows.query';

const form = (formId: string, name: string, questions: [string, string][]): LeadFormFacts => ({
  formId,
  name,
  locale: 'EN_US',
  legalContent: null,
  questions: questions.map(([key, label]) => ({ key, label, type: 'CUSTOM' })),
});

describe(exportColumns.name, () => {
  const forms = new Map([
    [
      'A',
      form('A', 'Auto', [
        ['email', 'Email'],
        ['vehicle_year', 'What year is your vehicle?'],
      ]),
    ],
    [
      'H',
      form('H', 'Home', [
        ['email_address', 'Email'],
        ['home_type', 'What type of home is it?'],
      ]),
    ],
  ]);
  const columns = exportColumns(
    [
      { formId: 'H', pageId: null, keys: ['email_address', 'home_type'] },
      { formId: 'A', pageId: null, keys: ['email', 'vehicle_year'] },
      { formId: null, pageId: null, keys: ['notes'] },
    ],
    forms,
  );
  const headers = columns.map((c) => c.header);
  const cell = (header: string, row: Partial<LeadExportRow>) =>
    columns.find((c) => c.header === header)!.cell(row as LeadExportRow, { forms, pageNames: new Map() });

  it('puts every answer under its question label, one column per label, forms by name, unknown forms by key', () => {
    const answers = headers.slice(headers.indexOf('privacy_policy_url') + 1);
    expect(answers).toEqual(['Email (answer)', 'What year is your vehicle?', 'What type of home is it?', 'notes']);
    expect(cell('Email (answer)', { formId: 'H', rawAnswers: [{ name: 'email_address', values: ['a@b.test'] }] })).toBe('a@b.test');
    expect(cell('What year is your vehicle?', { formId: 'A', rawAnswers: [{ name: 'vehicle_year', values: ['2024'] }] })).toBe('2024');
    expect(cell('What year is your vehicle?', { formId: 'H', rawAnswers: [{ name: 'vehicle_year', values: ['2024'] }] })).toBe('');
    expect(cell('notes', { formId: null, rawAnswers: [{ name: 'notes', values: ['a', 'b'] }] })).toBe('a; b');
  });

  it('carries platform, Page, form, campaign, ad set and ad by id and name, and consent', () => {
    for (const name of [
      'platform',
      'page_id',
      'page_name',
      'form_id',
      'form_name',
      'campaign_id',
      'campaign_name',
      'adset_id',
      'adset_name',
      'ad_id',
      'ad_name',
      'consent_at',
      'consent_disclaimer',
      'consent_checkboxes',
      'privacy_policy_url',
    ]) {
      expect(headers).toContain(name);
    }
  });
});
