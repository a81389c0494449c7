import { LeadSource } from '@legeai/contracts';
import type { GraphLead } from '../graph/graph-lead';
import { LeadFormInput, mapGraphLead } from './lead-mapper';

const AUTO_QUESTIONS = [
  { key: 'full_name', label: 'Full name', type: 'FULL_NAME', id: '1' },
  { key: 'email', label: 'Email', type: 'EMAIL', id: '2' },
  { key: 'phone_number', label: 'Phone number', type: 'PHONE', id: '3' },
  { key: 'zip_code', label: 'ZIP code', type: 'ZIP', id: '4' },
  {
    key: 'coverage_needs',
    label: 'Which coverages are you interested in?',
    type: 'CUSTOM',
    options: [
      { key: 'liability', value: 'Liability' },
      { key: 'collision', value: 'Collision' },
      { key: 'roadside', value: 'Roadside assistance' },
    ],
  },
  { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM' },
];

const form = (over: Partial<LeadFormInput> = {}): LeadFormInput => ({
  formId: '555',
  pageId: '111',
  questions: AUTO_QUESTIONS,
  mapping: null,
  ...over,
});

const graphLead = (over: Partial<GraphLead> = {}): GraphLead => ({
  id: '444',
  created_time: '2026-11-29T07:59:50+0000',
  form_id: '555',
  ad_id: '666',
  ad_name: 'Quote ad A',
  adset_id: '777',
  adset_name: 'US 25-54',
  campaign_id: '888',
  campaign_name: 'Auto leads',
  is_organic: false,
  platform: 'ig',
  field_data: [
    { name: 'full_name', values: ['Ana María Ruiz'] },
    { name: 'email', values: [' Ana.Ruiz@Example.com '] },
    { name: 'phone_number', values: ['(201) 555-0142'] },
    { name: 'zip_code', values: ['07102'] },
    { name: 'coverage_needs', values: ['Liability', 'Roadside assistance'] },
    { name: 'current_insurer', values: ['GEICO'] },
  ],
  custom_disclaimer_responses: [
    { checkbox_key: 'tcpa_consent', is_checked: '1' },
    { checkbox_key: 'marketing_optin', is_checked: '' },
  ],
  ...over,
});

const map = (lead = graphLead(), f = form(), defaultCountry = 'US') => mapGraphLead(lead, f, { defaultCountry });

describe('mapGraphLead', () => {
  it('maps Meta standard fields, splits the full name and normalises email and phone', () => {
    const { lead, missingRequired } = map();
    expect(lead).toMatchObject({
      fullName: 'Ana María Ruiz',
      firstName: 'Ana',
      lastName: 'María Ruiz',
      email: 'Ana.Ruiz@Example.com',
      emailNormalized: 'ana.ruiz@example.com',
      phone: '(201) 555-0142',
      phoneE164: '+12015550142',
      zipCode: '07102',
      needsReview: false,
      reviewReason: null,
      source: LeadSource.MetaLeadAds,
    });
    expect(lead.receivedAt?.toISOString()).toBe('2026-11-29T07:59:50.000Z');
    expect(missingRequired).toEqual([]);
  });

  it('joins first and last name into the full name', () => {
    const { lead } = map(
      graphLead({
        field_data: [
          { name: 'first_name', values: ['Priya'] },
          { name: 'last_name', values: ['Patel'] },
        ],
      }),
      form({ questions: [] }),
    );
    expect(lead).toMatchObject({ fullName: 'Priya Patel', firstName: 'Priya', lastName: 'Patel' });
  });

  it('maps standard fields by question type even when the key is custom', () => {
    const { lead, unmappedQuestions } = map(
      graphLead({
        field_data: [
          { name: 'your_mail', values: ['x@example.org'] },
          { name: 'wohnort', values: ['Berlin'] },
        ],
      }),
      form({
        questions: [
          { key: 'your_mail', type: 'EMAIL' },
          { key: 'wohnort', type: 'CITY' },
        ],
      }),
    );
    expect(lead).toMatchObject({ email: 'x@example.org', city: 'Berlin' });
    expect(unmappedQuestions).toEqual([]);
  });

  it('maps the remaining standard keys without questions (address, state, province, post code, country)', () => {
    const { lead } = map(
      graphLead({
        field_data: [
          { name: 'street_address', values: ['12 Harbor St'] },
          { name: 'city', values: ['Toronto'] },
          { name: 'province', values: ['ON'] },
          { name: 'post_code', values: ['M5V 2T6'] },
          { name: 'country', values: ['Canada'] },
          { name: 'phone_number', values: ['416 555 0199'] },
        ],
      }),
      form({ questions: [] }),
    );
    expect(lead).toMatchObject({
      streetAddress: '12 Harbor St',
      city: 'Toronto',
      state: 'ON',
      zipCode: 'M5V 2T6',
      country: 'CA',
    });
  });

  it('prefers email over work_email whatever their order', () => {
    const { lead } = map(
      graphLead({
        field_data: [
          { name: 'work_email', values: ['ana@corp.example'] },
          { name: 'email', values: ['ana@home.example'] },
        ],
      }),
      form({ questions: [] }),
    );
    expect(lead.emailNormalized).toBe('ana@home.example');
  });

  it('keeps every raw answer, multi-select whole, including ignored and unmapped ones', () => {
    const { lead, unmappedQuestions } = map(graphLead(), form({ mapping: { fields: { zip_code: 'ignore' }, defaults: {}, required: [] } }));
    expect(lead.rawAnswers).toEqual(graphLead().field_data);
    expect(lead.rawAnswers?.find((a) => a.name === 'coverage_needs')?.values).toEqual(['Liability', 'Roadside assistance']);
    expect(lead.zipCode).toBeNull();
    expect(unmappedQuestions).toEqual(['coverage_needs', 'current_insurer']);
  });

  it('maps custom questions per form, with defaults and option keys for the product', () => {
    const { lead, unmappedQuestions } = map(
      graphLead(),
      form({
        mapping: {
          fields: { coverage_needs: 'productInterest', current_insurer: 'ignore' },
          defaults: { productInterest: 'auto', country: 'US' },
          required: [],
        },
      }),
    );
    expect(lead.productInterest).toBe('liability, roadside');
    expect(lead.country).toBe('US');
    expect(unmappedQuestions).toEqual([]);
  });

  it('uses a per-form default when the answer is absent', () => {
    const { lead } = map(graphLead(), form({ mapping: { fields: {}, defaults: { productInterest: 'auto' }, required: [] } }));
    expect(lead.productInterest).toBe('auto');
  });

  it('lets a custom mapping override a standard default', () => {
    const { lead } = map(
      graphLead(),
      form({ mapping: { fields: { current_insurer: 'city', zip_code: 'state' }, defaults: {}, required: [] } }),
    );
    expect(lead).toMatchObject({ city: 'GEICO', state: '07102', zipCode: null });
  });

  it('keeps a lead missing required fields and flags it for review naming them', () => {
    const { lead, missingRequired } = map(
      graphLead({
        field_data: [
          { name: 'full_name', values: ['Tom Smith'] },
          { name: 'email', values: [''] },
        ],
      }),
      form({ mapping: { fields: {}, defaults: {}, required: ['email', 'phone', 'fullName'] } }),
    );
    expect(missingRequired).toEqual(['email', 'phone']);
    expect(lead.needsReview).toBe(true);
    expect(lead.reviewReason).toBe('Missing required email, phone');
    expect(lead.fullName).toBe('Tom Smith');
  });

  it('keeps an invalid phone as given, without E.164, and flags it', () => {
    const { lead } = map(graphLead({ field_data: [{ name: 'phone_number', values: ['12345'] }] }));
    expect(lead.phone).toBe('12345');
    expect(lead.phoneE164).toBeNull();
    expect(lead.needsReview).toBe(true);
    expect(lead.reviewReason).toBe('Phone "12345" could not be read as a valid number (kept as given)');
  });

  it("reads national numbers in the lead's own country before the default one", () => {
    const { lead } = map(
      graphLead({
        field_data: [
          { name: 'phone_number', values: ['030 1234567'] },
          { name: 'country', values: ['DE'] },
        ],
      }),
    );
    expect(lead.phoneE164).toBe('+49301234567');
    expect(map(graphLead({ field_data: [{ name: 'phone_number', values: ['07911 123456'] }] }), form(), 'GB').lead.phoneE164).toBe(
      '+447911123456',
    );
  });

  it.each([
    ['', false],
    ['1', true],
    ['0', false],
    ['true', true],
    ['false', false],
    [true, true],
    [false, false],
  ])('reads consent is_checked %p as %p', (isChecked, expected) => {
    const { lead } = map(graphLead({ custom_disclaimer_responses: [{ checkbox_key: 'tcpa_consent', is_checked: isChecked }] }));
    expect(lead.consentResponses).toEqual([{ checkboxKey: 'tcpa_consent', isChecked: expected }]);
  });

  it('stores every consent response', () => {
    expect(map().lead.consentResponses).toEqual([
      { checkboxKey: 'tcpa_consent', isChecked: true },
      { checkboxKey: 'marketing_optin', isChecked: false },
    ]);
    expect(map(graphLead({ custom_disclaimer_responses: undefined })).lead.consentResponses).toEqual([]);
  });

  it('keeps non-Latin answers and keys, and splits Japanese names family name first', () => {
    const { lead, unmappedQuestions } = map(
      graphLead({
        field_data: [
          { name: 'full_name', values: ['山田 太郎'] },
          { name: 'email', values: ['user123@example.jp'] },
          { name: 'phone_number', values: ['+819012345678'] },
          { name: '保障額', values: ['3,000万円'] },
          { name: 'ご相談内容', values: ['子供が生まれたので保障を見直したいです。'] },
        ],
      }),
      form({
        questions: [
          { key: 'full_name', label: '氏名', type: 'FULL_NAME' },
          { key: 'email', label: 'メールアドレス', type: 'EMAIL' },
          { key: 'phone_number', label: '電話番号', type: 'PHONE' },
          { key: '保障額', label: 'ご希望の保障額', type: 'CUSTOM', options: [{ key: '3000man', value: '3,000万円' }] },
          { key: 'ご相談内容', label: 'ご相談内容をご記入ください', type: 'CUSTOM' },
        ],
        mapping: { fields: { 保障額: 'productInterest' }, defaults: {}, required: [] },
      }),
    );
    expect(lead).toMatchObject({ fullName: '山田 太郎', lastName: '山田', firstName: '太郎', phoneE164: '+819012345678' });
    expect(lead.productInterest).toBe('3000man');
    expect(lead.rawAnswers).toContainEqual({ name: 'ご相談内容', values: ['子供が生まれたので保障を見直したいです。'] });
    expect(unmappedQuestions).toEqual(['ご相談内容']);
  });

  it('keeps accented Spanish names as given', () => {
    const { lead } = map(graphLead({ field_data: [{ name: 'full_name', values: ['Begoña Núñez Ibáñez'] }] }));
    expect(lead).toMatchObject({ firstName: 'Begoña', lastName: 'Núñez Ibáñez' });
  });

  it('stores attribution from an ad', () => {
    const { lead } = map();
    expect(lead).toMatchObject({
      pageId: '111',
      formId: '555',
      adId: '666',
      adName: 'Quote ad A',
      adsetId: '777',
      adsetName: 'US 25-54',
      campaignId: '888',
      campaignName: 'Auto leads',
      platform: 'ig',
      isOrganic: false,
      isTest: false,
    });
  });

  it('marks organic leads: by is_organic, or by the absence of an ad when Meta does not say', () => {
    const organic = map(graphLead({ is_organic: true, ad_id: undefined, ad_name: undefined })).lead;
    expect(organic).toMatchObject({ isOrganic: true, adId: null, adName: null });
    const noAd = graphLead({ ad_id: undefined });
    delete noAd.is_organic;
    expect(map(noAd).lead.isOrganic).toBe(true);
    const withAd = graphLead();
    delete withAd.is_organic;
    expect(map(withAd).lead.isOrganic).toBe(false);
  });

  it("recognises Meta's test leads by their placeholder answers", () => {
    const { lead } = map(
      graphLead({
        is_organic: true,
        ad_id: undefined,
        field_data: [
          { name: 'full_name', values: ['test lead: dummy data for full_name'] },
          { name: 'email', values: ['qa@example.com'] },
        ],
      }),
    );
    expect(lead.isTest).toBe(true);
    expect(map().lead.isTest).toBe(false);
  });

  it.each([
    ['04/23/1985', '1985-04-23'],
    ['4/3/1985', '1985-04-03'],
    ['1985-04-23', '1985-04-23'],
    ['1985/04/23', '1985-04-23'],
    ['23/04/1985', '1985-04-23'],
    ['23.04.1985', '1985-04-23'],
    ['19850423', '1985-04-23'],
    ['02/29/1984', '1984-02-29'],
  ])('normalises date of birth %s to %s', (raw, iso) => {
    const { lead } = map(graphLead({ field_data: [{ name: 'date_of_birth', values: [raw] }] }));
    expect(lead.dateOfBirth).toBe(iso);
    expect(lead.needsReview).toBe(false);
  });

  it.each([['02/30/1985'], ['13/13/1985'], ['last spring'], ['01/01/1850'], ['01/01/2999']])(
    'keeps an unreadable date of birth %s raw and flags it',
    (raw) => {
      const { lead } = map(graphLead({ field_data: [{ name: 'date_of_birth', values: [raw] }] }));
      expect(lead.dateOfBirth).toBeNull();
      expect(lead.rawAnswers).toEqual([{ name: 'date_of_birth', values: [raw] }]);
      expect(lead.reviewReason).toMatch(/date of birth/i);
    },
  );

  it('cuts over-long answers to the column widths', () => {
    const { lead } = map(
      graphLead({
        field_data: [
          { name: 'city', values: ['x'.repeat(500)] },
          { name: 'zip_code', values: ['9'.repeat(40)] },
        ],
      }),
    );
    expect(lead.city).toHaveLength(120);
    expect(lead.zipCode).toHaveLength(20);
  });

  it('ignores a stored mapping that names unknown fields, and question keys like object properties', () => {
    const { lead, unmappedQuestions } = map(
      graphLead({
        field_data: [
          { name: 'constructor', values: ['x'] },
          { name: 'email', values: ['a@example.com'] },
        ],
      }),
      form({
        questions: [
          { key: 'constructor', type: 'CUSTOM' },
          { key: 'email', type: 'EMAIL' },
        ],
        mapping: { fields: { email: 'premium' }, defaults: { nope: 'x' }, required: ['bogus'] } as never,
      }),
    );
    expect(lead.emailNormalized).toBe('a@example.com');
    expect(unmappedQuestions).toEqual(['constructor']);
  });
});
