/**
 * Meta's timestamps (`created_time`): ISO-8601 with no colon in the offset (`2026-11-20T14:03:11+0000`), which not
 * every engine's `Date` reads; any other ISO time is accepted too. Null when absent or unreadable.
 */
export function parseGraphTime(value: string | undefined | null): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}
