import type { DateRange } from '@legeai/contracts';

/**
 * Calendar days as insights name them: `YYYY-MM-DD` in the ad account's time zone
 * (https://developers.facebook.com/docs/marketing-api/insights/). Pure.
 */
const DAY_MS = 86_400_000;

/** The account's calendar day at `now` (its own midnight, daylight saving included). */
export function localToday(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days in a range, both ends included. */
export function dayCount(range: DateRange): number {
  return Math.round((Date.parse(`${range.until}T00:00:00Z`) - Date.parse(`${range.since}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The first half (the longer one when odd) and the rest; a single day cannot be halved. */
export function halves(range: DateRange): [DateRange, DateRange] | null {
  const days = dayCount(range);
  if (days < 2) return null;
  const firstUntil = addDays(range.since, Math.ceil(days / 2) - 1);
  return [
    { since: range.since, until: firstUntil },
    { since: addDays(firstUntil, 1), until: range.until },
  ];
}

/** The last `days` days up to and including `today`. */
export function lastDays(today: string, days: number): DateRange {
  return { since: addDays(today, -(days - 1)), until: today };
}

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}
