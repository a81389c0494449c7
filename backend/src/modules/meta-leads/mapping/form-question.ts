/** A lead form question as Meta describes it (`/{form-id}?fields=questions`, https://developers.facebook.com/docs/marketing-api/guides/lead-ads/create). */
export interface FormQuestion {
  key: string;
  label: string | null;
  /** FULL_NAME, EMAIL, PHONE, CITY, STATE, ZIP, DOB, CUSTOM, … (upper case, as Meta sends it). */
  type: string | null;
  options: { key: string; value: string }[];
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * The stored `questions` jsonb is whatever Meta returned when the form was discovered; read it defensively and keep
 * only entries that have a key (answers are matched to questions by key).
 */
export function readFormQuestions(raw: unknown[] | null | undefined): FormQuestion[] {
  const questions: FormQuestion[] = [];
  const seen = new Set<string>();
  for (const entry of raw ?? []) {
    if (!entry || typeof entry !== 'object') continue;
    const q = entry as Record<string, unknown>;
    const key = str(q['key']);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const options = Array.isArray(q['options'])
      ? q['options'].flatMap((o: unknown) => {
          const option = (o ?? {}) as Record<string, unknown>;
          const optionKey = str(option['key']);
          const value = str(option['value']) ?? optionKey;
          return optionKey && value ? [{ key: optionKey, value }] : [];
        })
      : [];
    questions.push({ key, label: str(q['label']), type: str(q['type'])?.toUpperCase() ?? null, options });
  }
  return questions;
}
