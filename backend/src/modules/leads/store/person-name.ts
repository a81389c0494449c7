/**
 * A person's name as the phone-and-name signal compares it: the full name (else first and last name), accents
 * removed, lower-cased, punctuation and runs of spaces folded to one space. "José  O'Neil" and "jose o neil" are the
 * same name; null when there is no name.
 */
export function normalizePersonName(fullName?: string | null, firstName?: string | null, lastName?: string | null): string | null {
  const raw = fullName?.trim() || [firstName, lastName].filter((part) => part?.trim()).join(' ');
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? folded.slice(0, 200) : null;
}
