/** Words that stay in capitals when a key is turned into words. */
const ACRONYMS = new Set(['api', 'csv', 'gdpr', 'id', 'ip', 'sms', 'tcpa', 'url', 'utm', 'zip']);

/**
 * A machine key as words, for values no label map knows yet: `dateOfBirth` → "Date of birth", `unknown_page` →
 * "Unknown page", `FULL_NAME` → "Full name", `api_key.created` → "API key created". Label maps come first; this only
 * keeps a new server value (or a form's own question key) from showing up raw.
 */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.\-/]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  if (words.length === 0) {
    return key;
  }
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** A label inside a sentence: "Date of birth" → "date of birth"; acronyms such as "ZIP code" keep their case. */
export function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
