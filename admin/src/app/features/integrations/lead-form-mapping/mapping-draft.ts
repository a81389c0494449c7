import { CustomFieldTarget, LEAD_FIELD_NAMES, LeadFieldName, LeadFormMapping, LeadFormQuestionDto } from '@legeai/contracts';

/**
 * What a question's answer goes to: a lead field, one of the organisation's own fields (`custom:<key>`), 'ignore'
 * (kept raw only), or nothing chosen yet (unmapped).
 */
export type MappingChoice = LeadFieldName | CustomFieldTarget | 'ignore' | null;

/** The choice for one question in the draft. */
export function choiceOf(mapping: LeadFormMapping, key: string): MappingChoice {
  return Object.hasOwn(mapping.fields, key) ? mapping.fields[key] : null;
}

/** The draft with one question's answer sent elsewhere; `null` takes the question out of the mapping. */
export function withChoice(mapping: LeadFormMapping, key: string, choice: MappingChoice): LeadFormMapping {
  const fields = { ...mapping.fields };
  if (choice === null) {
    delete fields[key];
  } else {
    fields[key] = choice;
  }
  return { ...mapping, fields };
}

export function withDefault(mapping: LeadFormMapping, field: LeadFieldName, value: string): LeadFormMapping {
  return { ...mapping, defaults: { ...mapping.defaults, [field]: value } };
}

export function withRequired(mapping: LeadFormMapping, field: LeadFieldName, required: boolean): LeadFormMapping {
  const others = mapping.required.filter((f) => f !== field);
  return { ...mapping, required: required ? [...others, field] : others };
}

/** Questions of the form the draft says nothing about: their answers would only be kept raw. */
export function unmappedQuestions(questions: LeadFormQuestionDto[], mapping: LeadFormMapping): LeadFormQuestionDto[] {
  return questions.filter((q) => choiceOf(mapping, q.key) === null);
}

/**
 * The draft as the API takes it: only answers to the form's questions, defaults trimmed (a blank default is no
 * default), required fields once each and in the usual field order, so equal mappings compare equal.
 */
export function toMappingRequest(mapping: LeadFormMapping, questions: LeadFormQuestionDto[]): LeadFormMapping {
  const fields: LeadFormMapping['fields'] = {};
  for (const { key } of questions) {
    const choice = choiceOf(mapping, key);
    if (choice !== null) {
      fields[key] = choice;
    }
  }
  const defaults: LeadFormMapping['defaults'] = {};
  const required: LeadFieldName[] = [];
  for (const field of LEAD_FIELD_NAMES) {
    const value = mapping.defaults[field]?.trim();
    if (value) {
      defaults[field] = value;
    }
    if (mapping.required.includes(field)) {
      required.push(field);
    }
  }
  return { fields, defaults, required };
}

export function sameMapping(a: LeadFormMapping, b: LeadFormMapping, questions: LeadFormQuestionDto[]): boolean {
  return JSON.stringify(toMappingRequest(a, questions)) === JSON.stringify(toMappingRequest(b, questions));
}

/** The empty mapping: the form follows Meta's standard defaults and has no defaults or required fields of its own. */
export const STANDARD_MAPPING: LeadFormMapping = { fields: {}, defaults: {}, required: [] };
