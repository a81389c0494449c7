const DAY = 24 * 3600_000;

/** Each unit is used from `from` onwards; days run up to two months, which is how token lifetimes are read. */
const UNITS: { unit: Intl.RelativeTimeFormatUnit; size: number; from: number }[] = [
  { unit: 'year', size: 365 * DAY, from: 365 * DAY },
  { unit: 'month', size: 30 * DAY, from: 60 * DAY },
  { unit: 'day', size: DAY, from: DAY },
  { unit: 'hour', size: 3600_000, from: 3600_000 },
  { unit: 'minute', size: 60_000, from: 60_000 },
];

const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `at` relative to `now` in words, e.g. "in 3 days" or "5 minutes ago"; "just now" within a minute. */
export function timeFromNow(at: string | Date, now: number = Date.now()): string {
  const delta = new Date(at).getTime() - now;
  for (const { unit, size, from } of UNITS) {
    if (Math.abs(delta) >= from) {
      return format.format(Math.round(delta / size), unit);
    }
  }
  return 'just now';
}

/** Days left until `at`; negative once it has passed. */
export function daysUntil(at: string | Date, now: number = Date.now()): number {
  return (new Date(at).getTime() - now) / DAY;
}
