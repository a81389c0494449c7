import { FieldError } from '@legeai/contracts';
import { ValidationFailedError } from '../../../common/errors/api-error';
import { normalizeCountry, normalizeDateOfBirth } from './answer-values';
import type { FieldShape } from '../../leads';
import { customFieldKey, FormMapping, MappingTarget } from './form-mapping';
import { FormQuestion } from './form-question';
import { isLeadField, LEAD_FIELD_MAX_LENGTH, LEAD_FIELDS, LeadField } from './lead-field';

/**
 * Checks a mapping an admin sent against the form: every key must be a question the form asks, every target a lead
 * field, one of the organisation's custom fields that is not archived (`custom:<key>`) or 'ignore', every default fit
 * its column. Throws one 400 naming each bad entry (`fields.<key>`,
 * `defaults.<field>`, `required[<i>]`); answers the cleaned mapping.
 */
export function validateFormMapping(
  input: { fields: object; defaults: object; required: unknown[] },
  questions: FormQuestion[],
  customFields: readonly Pick<FieldShape, 'key'>[] = [],
): FormMapping {
  const errors: FieldError[] = [];
  const keys = new Set(questions.map((question) => question.key));
  const custom = new Set(customFields.map((field) => field.key));
  const targets = `one of ${[...LEAD_FIELDS, 'ignore'].join(', ')}, or custom:<key> of a lead field`;

  const fields: Record<string, MappingTarget> = {};
  for (const [key, target] of Object.entries(input.fields) as [string, unknown][]) {
    if (!keys.has(key)) errors.push({ field: `fields.${key}`, messages: [`"${key}" is not a question of this form`] });
    else if (customFieldKey(target) !== null) {
      const field = customFieldKey(target)!;
      if (custom.has(field)) fields[key] = target as MappingTarget;
      else errors.push({ field: `fields.${key}`, messages: [`"${field}" is not a lead field of this organisation (or it is archived)`] });
    } else if (target !== 'ignore' && !isLeadField(target)) errors.push({ field: `fields.${key}`, messages: [`must be ${targets}`] });
    else fields[key] = target;
  }

  const defaults: Partial<Record<LeadField, string>> = {};
  for (const [field, value] of Object.entries(input.defaults)) {
    const problem = defaultProblem(field, value);
    if (problem) errors.push({ field: `defaults.${field}`, messages: [problem] });
    else defaults[field as LeadField] = field === 'country' ? normalizeCountry(value as string)! : (value as string).trim();
  }

  const required: LeadField[] = [];
  input.required.forEach((field, index) => {
    if (!isLeadField(field)) errors.push({ field: `required[${index}]`, messages: [`"${String(field)}" is not a lead field`] });
    else if (!required.includes(field)) required.push(field);
  });

  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { fields, defaults, required };
}

function defaultProblem(field: string, value: unknown): string | null {
  if (!isLeadField(field)) return `"${field}" is not a lead field`;
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
  if (field === 'country' && !normalizeCountry(value)) return 'must be a country, e.g. US';
  if (field === 'dateOfBirth' && !normalizeDateOfBirth(value)) return 'must be a date, e.g. 1985-04-23';
  if (value.trim().length > LEAD_FIELD_MAX_LENGTH[field]) return `must be at most ${LEAD_FIELD_MAX_LENGTH[field]} characters`;
  return null;
}

/** A mapping that says nothing beyond the defaults is stored as null, so the form follows future default changes. */
export function isEmptyMapping(mapping: FormMapping): boolean {
  return Object.keys(mapping.fields).length === 0 && Object.keys(mapping.defaults).length === 0 && mapping.required.length === 0;
}
