import { customFieldKey, FormMapping, MappingTarget } from './form-mapping';
import { FormQuestion } from './form-question';
import { isLeadField, LeadField } from './lead-field';
import { defaultTarget } from './standard-fields';

/** Where one answer goes and how strongly it claims its field. */
export interface ResolvedTarget {
  target: MappingTarget;
  /** `explicit`: the form's mapping says so; otherwise the standard default and its rank. */
  origin: 'explicit' | 'primary' | 'fallback';
}

/**
 * The stored jsonb read back defensively: unknown fields, bad defaults and non-string values are dropped, so a
 * mapping written by an older version can never break ingestion.
 */
export function readFormMapping(raw: unknown): FormMapping | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as Record<string, unknown>;
  const fields: Record<string, MappingTarget> = {};
  for (const [key, target] of Object.entries(asRecord(value['fields']))) {
    if (target === 'ignore' || isLeadField(target) || customFieldKey(target)) fields[key] = target as MappingTarget;
  }
  const defaults: Partial<Record<LeadField, string>> = {};
  for (const [field, text] of Object.entries(asRecord(value['defaults']))) {
    if (isLeadField(field) && typeof text === 'string' && text.trim() !== '') defaults[field] = text;
  }
  const required = Array.isArray(value['required']) ? [...new Set(value['required'].filter(isLeadField))] : [];
  return { fields, defaults, required };
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The target of one question key: the form's explicit choice, else Meta's standard default, else none. */
export function resolveTarget(key: string, question: FormQuestion | undefined, mapping: FormMapping | null): ResolvedTarget | null {
  if (mapping && Object.hasOwn(mapping.fields, key)) return { target: mapping.fields[key], origin: 'explicit' };
  const standard = defaultTarget(key, question?.type ?? null);
  return standard ? { target: standard.field, origin: standard.rank } : null;
}

/** Every question's effective target (explicit or default); questions with neither are left out. */
export function effectiveFields(questions: FormQuestion[], mapping: FormMapping | null): Record<string, MappingTarget> {
  const fields: Record<string, MappingTarget> = {};
  for (const question of questions) {
    const resolved = resolveTarget(question.key, question, mapping);
    if (resolved) fields[question.key] = resolved.target;
  }
  return fields;
}

/** The mapping in force for a form: its stored one with every default filled in. */
export function effectiveMapping(questions: FormQuestion[], mapping: FormMapping | null): FormMapping {
  return {
    fields: effectiveFields(questions, mapping),
    defaults: { ...(mapping?.defaults ?? {}) },
    required: [...(mapping?.required ?? [])],
  };
}

/** Questions neither the form's mapping nor the standard defaults cover: the console asks the admin about them. */
export function unmappedQuestionKeys(questions: FormQuestion[], mapping: FormMapping | null): string[] {
  return questions.filter((question) => !resolveTarget(question.key, question, mapping)).map((question) => question.key);
}
