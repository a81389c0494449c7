import { checkValue, coerceAnswer, displayValue, FieldShape, filterCondition, parseIsoDate, parseNumber } from './custom-field-values';
import { optionProblems } from './definition-rules';

const field = (type: FieldShape['type'], options: FieldShape['options'] = []): FieldShape => ({ key: 'f', label: 'Field', type, options });
const COVERAGE = field('multi_choice', [
  { key: 'liability', label: 'Liability' },
  { key: 'collision', label: 'Collision' },
  { key: 'roadside', label: 'Roadside assistance' },
]);
const YEAR = field('choice', [
  { key: '2024_2025', label: '2024–2025' },
  { key: 'older', label: '2018 or older' },
]);

describe('custom field values', () => {
  describe('parseNumber', () => {
    it.each([
      ['3', 3],
      [' -2 ', -2],
      ['2.5', 2.5],
      ['2,5', 2.5],
      ['1 250', 1250],
      ['1,250.50', 1250.5],
    ])('reads %p as %p', (text, n) => expect(parseNumber(text)).toBe(n));

    it.each(['3–4', 'five', '', '1.2.3', '12abc', '1e400'])('refuses %p', (text) => expect(parseNumber(text)).toBeNull());
  });

  describe('parseIsoDate', () => {
    it.each([
      ['2026-03-01', '2026-03-01'],
      ['2026-03-01T10:00:00Z', '2026-03-01'],
      ['03/01/2026', '2026-03-01'],
      ['25/12/2026', '2026-12-25'],
      ['1.3.2026', '2026-03-01'],
    ])('reads %p as %p', (text, iso) => expect(parseIsoDate(text)).toBe(iso));

    it.each(['2026-02-30', 'tomorrow', '2026/13/01', '13/13/2026'])('refuses %p', (text) => expect(parseIsoDate(text)).toBeNull());
  });

  describe('coerceAnswer (ingest)', () => {
    it('makes a number question "3" the number 3', () => {
      expect(coerceAnswer(field('number'), ['3'])).toEqual({ ok: true, value: 3 });
    });

    it('matches a choice answer to its option by label or key, ignoring case, and stores the key', () => {
      expect(coerceAnswer(YEAR, ['2024–2025'])).toEqual({ ok: true, value: '2024_2025' });
      expect(coerceAnswer(YEAR, ['  2018 OR OLDER '])).toEqual({ ok: true, value: 'older' });
      expect(coerceAnswer(YEAR, ['OLDER'])).toEqual({ ok: true, value: 'older' });
    });

    it('keeps multi-choice keys in the options order, once each', () => {
      expect(coerceAnswer(COVERAGE, ['Roadside assistance', 'liability', 'Liability'])).toEqual({
        ok: true,
        value: ['liability', 'roadside'],
      });
    });

    it('says in words why an answer does not fit', () => {
      expect(coerceAnswer(field('number'), ['3–4'])).toEqual({ ok: false, problem: '"3–4" is not a number' });
      expect(coerceAnswer(YEAR, ['1999'])).toEqual({ ok: false, problem: '"1999" is not one of its options' });
      expect(coerceAnswer(YEAR, ['older', '2024–2025'])).toMatchObject({ ok: false });
      expect(coerceAnswer(COVERAGE, ['Liability', 'Hail'])).toEqual({ ok: false, problem: '"Hail" is not among its options' });
      expect(coerceAnswer(field('date'), ['soon'])).toEqual({ ok: false, problem: '"soon" is not a date' });
    });

    it('treats an empty answer as no value, and joins text answers', () => {
      expect(coerceAnswer(field('number'), ['  '])).toEqual({ ok: true, value: null });
      expect(coerceAnswer(field('text'), ['GEICO', ' State Farm '])).toEqual({ ok: true, value: 'GEICO, State Farm' });
      expect(coerceAnswer(field('date'), ['04/23/2026'])).toEqual({ ok: true, value: '2026-04-23' });
    });
  });

  describe('checkValue (API)', () => {
    it('wants numbers as JSON numbers and dates as YYYY-MM-DD', () => {
      expect(checkValue(field('number'), 4)).toEqual({ ok: true, value: 4 });
      expect(checkValue(field('number'), '4')).toMatchObject({ ok: false });
      expect(checkValue(field('date'), '2026-04-23')).toEqual({ ok: true, value: '2026-04-23' });
      expect(checkValue(field('date'), '04/23/2026')).toMatchObject({ ok: false });
      expect(checkValue(field('date'), '2026-02-30')).toMatchObject({ ok: false });
    });

    it('wants choices by option key', () => {
      expect(checkValue(YEAR, 'older')).toEqual({ ok: true, value: 'older' });
      expect(checkValue(YEAR, '2018 or older')).toEqual({ ok: false, problem: 'must be one of 2024_2025, older' });
      expect(checkValue(COVERAGE, ['roadside', 'liability'])).toEqual({ ok: true, value: ['liability', 'roadside'] });
      expect(checkValue(COVERAGE, [])).toMatchObject({ ok: false });
      expect(checkValue(COVERAGE, ['hail'])).toMatchObject({ ok: false });
    });

    it('wants non-empty text of at most 500 characters', () => {
      expect(checkValue(field('text'), '  GEICO ')).toEqual({ ok: true, value: 'GEICO' });
      expect(checkValue(field('text'), ' ')).toMatchObject({ ok: false });
      expect(checkValue(field('text'), 'x'.repeat(501))).toMatchObject({ ok: false });
      expect(checkValue(field('text'), 3)).toMatchObject({ ok: false });
    });
  });

  it('shows option labels, and a removed option by its key', () => {
    expect(displayValue(COVERAGE, ['liability', 'gone'])).toBe('Liability, gone');
    expect(displayValue(YEAR, 'older')).toBe('2018 or older');
    expect(displayValue(field('number'), 3)).toBe('3');
    expect(displayValue(field('number'), undefined)).toBeNull();
  });

  it('reads filters as containment, a multi-choice as holding the option', () => {
    expect(filterCondition(COVERAGE, 'Collision')).toEqual({ ok: true, condition: { key: 'f', contains: { f: ['collision'] } } });
    expect(filterCondition(YEAR, 'older')).toEqual({ ok: true, condition: { key: 'f', contains: { f: 'older' } } });
    expect(filterCondition(field('number'), '3')).toEqual({ ok: true, condition: { key: 'f', contains: { f: 3 } } });
    expect(filterCondition(field('text'), 'geico')).toEqual({ ok: true, condition: { key: 'f', textEquals: 'geico' } });
    expect(filterCondition(field('number'), 'many')).toEqual({ ok: false, problem: 'must be a number' });
    expect(filterCondition(YEAR, 'new')).toMatchObject({ ok: false });
  });

  describe('definition options', () => {
    it('requires two or more distinct options for choice types, none for the others', () => {
      expect(optionProblems('choice', undefined)).toEqual([{ field: 'options', messages: ['a choice field needs at least two options'] }]);
      expect(optionProblems('multi_choice', [{ key: 'a', label: 'A' }])).toHaveLength(1);
      expect(optionProblems('text', [{ key: 'a', label: 'A' }])).toEqual([
        { field: 'options', messages: ['only choice and multi-choice fields have options'] },
      ]);
      expect(
        optionProblems('choice', [
          { key: 'a', label: 'A' },
          { key: 'b', label: 'B' },
        ]),
      ).toEqual([]);
      expect(optionProblems('number', [])).toEqual([]);
    });

    it('names duplicate keys, labels (ignoring case) and bad keys', () => {
      const problems = optionProblems('choice', [
        { key: 'a', label: 'Yes' },
        { key: 'a', label: 'yes' },
        { key: 'Bad Key', label: 'Other' },
      ]);
      expect(problems.map((p) => p.field)).toEqual(['options.1.key', 'options.1.label', 'options.2.key']);
    });
  });
});
