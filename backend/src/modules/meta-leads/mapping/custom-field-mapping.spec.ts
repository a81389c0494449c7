import type { FieldShape } from '../../leads';
import type { GraphLead } from '../graph/graph-lead';
import { effectiveMapping, readFormMapping, unmappedQuestionKeys } from './effective-mapping';
import { readFormQuestions } from './form-question';
import { mapGraphLead } from './lead-mapper';
import { validateFormMapping } from './mapping-validation';
import { readCustomFields } from './custom-field-targets';

const QUESTIONS = [
  { key: 'full_name', label: 'Full name', type: 'FULL_NAME' },
  { key: 'household_size', label: 'How many people need coverage?', type: 'CUSTOM' },
  { key: 'coverage_needs', label: 'Which coverages are you interested in?', type: 'CUSTOM' },
  { key: 'current_insurer', label: 'Who insures your car today?', type: 'CUSTOM' },
  { key: 'renewal', label: 'When does your policy renew?', type: 'CUSTOM' },
];

const FIELDS: FieldShape[] = [
  { key: 'household_size', label: 'Household size', type: 'number', options: [] },
  {
    key: 'coverage_wanted',
    label: 'Coverage wanted',
    type: 'multi_choice',
    options: [
      { key: 'liability', label: 'Liability' },
      { key: 'collision', label: 'Collision' },
    ],
  },
  { key: 'current_carrier', label: 'Current carrier', type: 'text', options: [] },
  { key: 'renewal_date', label: 'Renewal date', type: 'date', options: [] },
];

const MAPPING = {
  fields: {
    household_size: 'custom:household_size',
    coverage_needs: 'custom:coverage_wanted',
    current_insurer: 'custom:current_carrier',
    renewal: 'custom:renewal_date',
  },
  defaults: {},
  required: [],
};

const lead = (answers: Record<string, string[]>): GraphLead => ({
  id: '1',
  created_time: '2026-11-29T07:59:50+0000',
  form_id: '555',
  field_data: Object.entries(answers).map(([name, values]) => ({ name, values })),
});

const map = (answers: Record<string, string[]>, fields = FIELDS) =>
  mapGraphLead(
    lead(answers),
    { formId: '555', pageId: '111', questions: QUESTIONS, mapping: readFormMapping(MAPPING), customFields: fields },
    { defaultCountry: 'US' },
  );

describe('answers mapped to custom fields', () => {
  it('converts each answer to its field type', () => {
    const mapped = map({
      full_name: ['Ana Ruiz'],
      household_size: ['3'],
      coverage_needs: ['collision', 'LIABILITY'],
      current_insurer: ['GEICO'],
      renewal: ['04/23/2027'],
    });
    expect(mapped.customFields).toEqual({
      household_size: 3,
      coverage_wanted: ['liability', 'collision'],
      current_carrier: 'GEICO',
      renewal_date: '2027-04-23',
    });
    expect(mapped.lead.customFields).toEqual(mapped.customFields);
    expect(mapped.lead.needsReview).toBe(false);
    expect(mapped.unmappedQuestions).toEqual([]);
  });

  it('keeps an answer that does not fit in the raw answers and flags the lead with a human reason', () => {
    const mapped = map({ full_name: ['Ana Ruiz'], household_size: ['3–4'], coverage_needs: ['Hail'] });
    expect(mapped.customFields).toEqual({});
    expect(mapped.lead.needsReview).toBe(true);
    expect(mapped.lead.reviewReason).toBe(
      'Household size left empty: "3–4" is not a number (the answer to "How many people need coverage?" is kept); ' +
        'Coverage wanted left empty: "Hail" is not among its options (the answer to "Which coverages are you interested in?" is kept)',
    );
    expect(mapped.lead.rawAnswers).toEqual(
      expect.arrayContaining([
        { name: 'household_size', values: ['3–4'] },
        { name: 'coverage_needs', values: ['Hail'] },
      ]),
    );
  });

  it('does not flag a test lead for the placeholders Meta puts in every answer', () => {
    const mapped = map({ household_size: ['<test lead: dummy data for household_size>'] });
    expect(mapped.customFields).toEqual({});
    expect(mapped.lead.needsReview).toBe(false);
    expect(mapped.lead.isTest).toBe(true);
  });

  it('leaves an answer whose field is archived or unknown to the raw answers, without flagging the lead', () => {
    const mapped = map({ household_size: ['3'] }, FIELDS.slice(1));
    expect(mapped.customFields).toEqual({});
    expect(mapped.lead.needsReview).toBe(false);
  });

  it('counts custom targets as mapped and keeps them through the stored mapping', () => {
    const questions = readFormQuestions(QUESTIONS);
    const stored = readFormMapping(MAPPING);
    expect(unmappedQuestionKeys(questions, stored)).toEqual([]);
    expect(effectiveMapping(questions, stored).fields['coverage_needs']).toBe('custom:coverage_wanted');
    expect(readFormMapping({ fields: { a: 'custom:Bad Key', b: 'custom:' }, defaults: {}, required: [] })?.fields).toEqual({});
  });

  it('accepts only custom fields of the organisation that are not archived', () => {
    const questions = readFormQuestions(QUESTIONS);
    expect(validateFormMapping(MAPPING, questions, FIELDS).fields['renewal']).toBe('custom:renewal_date');
    expect(() => validateFormMapping({ fields: { renewal: 'custom:nope' }, defaults: {}, required: [] }, questions, FIELDS)).toThrow(
      'fields.renewal',
    );
  });

  it('reads the fields a claim carries defensively', () => {
    expect(
      readCustomFields([
        { key: 'a', label: 'A', type: 'choice', options: [{ key: 'x', label: 'X' }, { key: 1 }] },
        { key: 'b', type: 'colour' },
        null,
      ]),
    ).toEqual([{ key: 'a', label: 'A', type: 'choice', options: [{ key: 'x', label: 'X' }] }]);
  });
});
