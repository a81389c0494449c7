import { LEAD_FIELD_TEXT_MAX_LENGTH, LeadFieldOptionDto, LeadFieldType, LeadFieldValue } from '@legeai/contracts';

/** What reading or checking a value needs of its field's definition. */
export interface FieldShape {
  key: string;
  label: string;
  type: LeadFieldType;
  options: readonly LeadFieldOptionDto[];
}

export type Coerced = { ok: true; value: LeadFieldValue | null } | { ok: false; problem: string };

const ok = (value: LeadFieldValue | null): Coerced => ({ ok: true, value });
const fail = (problem: string): Coerced => ({ ok: false, problem });

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/** The option a text names, by key or by label, ignoring case and surrounding spaces. */
export function findOption(field: Pick<FieldShape, 'options'>, text: string): LeadFieldOptionDto | undefined {
  const wanted = fold(text);
  return field.options.find((o) => fold(o.key) === wanted) ?? field.options.find((o) => fold(o.label) === wanted);
}

/**
 * A number as people type it: "3", "-2", "2.5", "2,5", "1 250" or "1,250.50". A comma alone with one to two digits
 * after it is a decimal comma; otherwise commas and spaces group thousands. Anything else ("3–4", "five") is not one.
 */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^[+-]?\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && Math.abs(n) < 1e15 ? n : null;
}

/**
 * An ISO calendar date (`YYYY-MM-DD`) from `YYYY-MM-DD` (a time after it is dropped), Meta's `MM/DD/YYYY`, or the
 * day-first `DD.MM.YYYY`; `DD/MM/YYYY` when the first number cannot be a month. Null for anything else or an
 * impossible date (February 30).
 */
export function parseIsoDate(text: string): string | null {
  const t = text.trim();
  let m: RegExpMatchArray | null;
  let y: number, mo: number, d: number;
  if ((m = t.match(/^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/))) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = t.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) [d, mo, y] = [+m[1], +m[2], +m[3]];
  else if ((m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) {
    const [a, b] = [+m[1], +m[2]];
    y = +m[3];
    [mo, d] = a > 12 && b <= 12 ? [b, a] : [a, b];
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1000) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const clip = (text: string): string => Array.from(text).slice(0, LEAD_FIELD_TEXT_MAX_LENGTH).join('');

/**
 * A form answer (all its values, as Meta sent them) converted to the field's type: text joined, a number as a number,
 * a date as an ISO date, a choice as its option's key (matched to key or label, ignoring case), a multi-choice as the
 * keys of every value. An empty answer is no value. An answer that does not fit says why, in words for the person
 * reviewing the lead.
 */
export function coerceAnswer(field: FieldShape, values: readonly string[]): Coerced {
  const texts = values.map((v) => v.trim()).filter(Boolean);
  if (texts.length === 0) return ok(null);
  const shown = texts.map((t) => `"${t}"`).join(', ');
  switch (field.type) {
    case 'text':
      return ok(clip(texts.join(', ')));
    case 'number': {
      const n = texts.length === 1 ? parseNumber(texts[0]) : null;
      return n === null ? fail(`${shown} is not a number`) : ok(n);
    }
    case 'date': {
      const d = texts.length === 1 ? parseIsoDate(texts[0]) : null;
      return d === null ? fail(`${shown} is not a date`) : ok(d);
    }
    case 'choice': {
      if (texts.length > 1) return fail(`${shown} are several answers for a single choice`);
      const option = findOption(field, texts[0]);
      return option ? ok(option.key) : fail(`${shown} is not one of its options`);
    }
    case 'multi_choice': {
      const unknown = texts.filter((t) => !findOption(field, t));
      if (unknown.length)
        return fail(`${unknown.map((t) => `"${t}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not among its options`);
      const keys = new Set(texts.map((t) => findOption(field, t)!.key));
      return ok(field.options.filter((o) => keys.has(o.key)).map((o) => o.key));
    }
  }
}

/**
 * A value sent to the API for a field (JSON): text as a non-empty string, a number as a JSON number, a date as
 * `YYYY-MM-DD`, a choice as one option key, a multi-choice as distinct option keys. Answers the value to store.
 */
export function checkValue(field: FieldShape, value: unknown): Coerced {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return fail('must be non-empty text');
      if (Array.from(value.trim()).length > LEAD_FIELD_TEXT_MAX_LENGTH)
        return fail(`must be at most ${LEAD_FIELD_TEXT_MAX_LENGTH} characters`);
      return ok(value.trim());
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15 ? ok(value) : fail('must be a number');
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) === value
        ? ok(value)
        : fail('must be a date as YYYY-MM-DD');
    case 'choice': {
      const keys = field.options.map((o) => o.key);
      return typeof value === 'string' && keys.includes(value) ? ok(value) : fail(`must be one of ${keys.join(', ')}`);
    }
    case 'multi_choice': {
      const keys = field.options.map((o) => o.key);
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && keys.includes(v))) {
        return fail(`must be a list of one or more of ${keys.join(', ')}`);
      }
      const chosen = new Set(value as string[]);
      return ok(keys.filter((k) => chosen.has(k)));
    }
  }
}

/** A stored value for people: option labels (a removed option by its key), numbers and dates as stored. */
export function displayValue(field: FieldShape, value: LeadFieldValue | null | undefined, separator = ', '): string | null {
  if (value === null || value === undefined) return null;
  const label = (key: string) => field.options.find((o) => o.key === key)?.label ?? key;
  if (Array.isArray(value)) return value.length ? value.map(label).join(separator) : null;
  if (field.type === 'choice' && typeof value === 'string') return label(value);
  return String(value);
}

/** How the list matches a filter value: a jsonb containment (served by the GIN index) or text equal ignoring case. */
export type FieldCondition = { key: string; contains: Record<string, unknown> } | { key: string; textEquals: string };

/** A filter's text (`field.<key>=value`) read for its field; a value that cannot match says why (a 400). */
export function filterCondition(field: FieldShape, text: string): { ok: true; condition: FieldCondition } | { ok: false; problem: string } {
  const t = text.trim();
  if (!t) return { ok: false, problem: 'must not be empty' };
  switch (field.type) {
    case 'text':
      return { ok: true, condition: { key: field.key, textEquals: t } };
    case 'number': {
      const n = parseNumber(t);
      return n === null
        ? { ok: false, problem: 'must be a number' }
        : { ok: true, condition: { key: field.key, contains: { [field.key]: n } } };
    }
    case 'date': {
      const d = parseIsoDate(t);
      return d === null
        ? { ok: false, problem: 'must be a date as YYYY-MM-DD' }
        : { ok: true, condition: { key: field.key, contains: { [field.key]: d } } };
    }
    case 'choice':
    case 'multi_choice': {
      const option = findOption(field, t);
      if (!option) return { ok: false, problem: `must be one of ${field.options.map((o) => o.key).join(', ')}` };
      const value = field.type === 'choice' ? option.key : [option.key];
      return { ok: true, condition: { key: field.key, contains: { [field.key]: value } } };
    }
  }
}
