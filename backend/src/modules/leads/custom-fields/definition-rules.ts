import {
  CHOICE_LEAD_FIELD_TYPES,
  FieldError,
  LEAD_FIELD_MAX_OPTIONS,
  LEAD_FIELD_OPTION_KEY_PATTERN,
  LeadFieldOptionDto,
  LeadFieldType,
} from '@legeai/contracts';

export const isChoiceType = (type: LeadFieldType): boolean => CHOICE_LEAD_FIELD_TYPES.includes(type);

/**
 * The options a field of `type` may have: a choice or multi-choice needs at least two, with distinct keys and labels
 * (a label matches answers too, so two alike would be ambiguous); other types have none. Answers the field errors.
 */
export function optionProblems(type: LeadFieldType, options: readonly LeadFieldOptionDto[] | undefined): FieldError[] {
  if (!isChoiceType(type)) {
    return options && options.length > 0 ? [{ field: 'options', messages: ['only choice and multi-choice fields have options'] }] : [];
  }
  if (!options || options.length < 2) return [{ field: 'options', messages: ['a choice field needs at least two options'] }];
  if (options.length > LEAD_FIELD_MAX_OPTIONS) return [{ field: 'options', messages: [`at most ${LEAD_FIELD_MAX_OPTIONS} options`] }];
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const labels = new Set<string>();
  options.forEach((option, i) => {
    if (!LEAD_FIELD_OPTION_KEY_PATTERN.test(option.key)) {
      errors.push({ field: `options.${i}.key`, messages: ['must be lower case letters, digits and underscores (e.g. 2024_2025)'] });
    } else if (keys.has(option.key)) errors.push({ field: `options.${i}.key`, messages: [`"${option.key}" is used twice`] });
    const label = option.label.trim().toLowerCase();
    if (labels.has(label)) errors.push({ field: `options.${i}.label`, messages: [`"${option.label.trim()}" is used twice`] });
    keys.add(option.key);
    labels.add(label);
  });
  return errors;
}

/** Options as stored: labels trimmed. */
export const cleanOptions = (options: readonly LeadFieldOptionDto[] | undefined): LeadFieldOptionDto[] =>
  (options ?? []).map((o) => ({ key: o.key, label: o.label.trim() }));
