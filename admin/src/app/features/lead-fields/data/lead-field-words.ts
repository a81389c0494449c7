import { LeadFieldType } from '@legeai/contracts';

/** Each field type as people call it. */
export const FIELD_TYPE_NAMES: Record<LeadFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  choice: 'Single choice',
  multi_choice: 'Multiple choice',
};

/**
 * A key from a label: "Vehicle year" → `vehicle_year`, "Coverage (wanted)" → `coverage_wanted`. Accents are dropped,
 * anything else becomes an underscore. Field keys must start with a letter (`startWithLetter`), option keys may not.
 */
export function keyFromLabel(label: string, max: number, startWithLetter: boolean): string {
  let key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (startWithLetter && key !== '' && !/^[a-z]/.test(key)) {
    key = `f_${key}`;
  }
  return key.slice(0, max).replace(/_+$/, '');
}

/** A key not yet in `taken`: the wanted one, else with _2, _3, … after it. */
export function uniqueKey(wanted: string, taken: ReadonlySet<string>, max: number): string {
  if (!taken.has(wanted)) {
    return wanted;
  }
  for (let n = 2; ; n++) {
    const candidate = `${wanted.slice(0, max - String(n).length - 1)}_${n}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}
