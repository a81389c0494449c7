const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `at` relative to `now` in words, e.g. "in 3 days" or "5 minutes ago"; "just now" within a minute. */
export function timeFromNow(at: string | Date, now: number = Date.now()): string {
  const delta = new Date(at).getTime() - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) {
      return format.format(Math.trunc(delta / size), unit);
    }
  }
  return 'just now';
}

/** Days a token has left before it expires; negative once it has. */
export function daysUntil(at: string | Date, now: number = Date.now()): number {
  return (new Date(at).getTime() - now) / (24 * 3600_000);
}
