import type { DateRange, IsoDate } from '@legeai/contracts';
import { ValidationFailedError } from '../../../common/errors/api-error';

/**
 * The longest range a query may ask for: Meta keeps insights for 37 months
 * (https://developers.facebook.com/docs/marketing-api/insights/best-practices/), about 1,127 days; a little more is
 * allowed so a 37-month window never fails on the month lengths.
 */
export const MAX_RANGE_DAYS = 1_131;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic, no time zone involved). */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(dayNumber(date) + days);
}

/** Inclusive length in days. */
export function rangeDays(range: DateRange): number {
  return dayNumber(range.until) - dayNumber(range.since) + 1;
}

/** The same number of days just before `since`: what "compared with the previous period" means everywhere here. */
export function previousRange(range: DateRange): DateRange {
  const days = rangeDays(range);
  return { since: addDays(range.since, -days), until: addDays(range.since, -1) };
}

/** Every date of the range, in order. */
export function datesOf(range: DateRange): IsoDate[] {
  const first = dayNumber(range.since);
  return Array.from({ length: rangeDays(range) }, (_, i) => dateOfDay(first + i));
}

/** What a query without a range reads: the last 28 days, today included (UTC calendar). */
export const DEFAULT_RANGE_DAYS = 28;

/**
 * The range a query asks for: both days, or neither (then the last 28 days); one without the other is refused
 * rather than guessed. Checked like any range.
 */
export function rangeOf(query: Partial<DateRange>, today: Date = new Date()): DateRange {
  if (query.since === undefined && query.until === undefined) {
    const until = today.toISOString().slice(0, 10);
    return { since: addDays(until, -(DEFAULT_RANGE_DAYS - 1)), until };
  }
  if (query.since === undefined || query.until === undefined) {
    const missing = query.since === undefined ? 'since' : 'until';
    throw new ValidationFailedError([
      { field: missing, messages: [`${missing} is required with ${missing === 'since' ? 'until' : 'since'}`] },
    ]);
  }
  const range = { since: query.since, until: query.until };
  assertInsightRange(range);
  return range;
}

/** `until` not before `since`, and the range no longer than Meta keeps; the DTO has already checked each date's form. */
export function assertInsightRange(range: DateRange): void {
  const days = rangeDays(range);
  if (days < 1) throw new ValidationFailedError([{ field: 'until', messages: ['until must not be before since'] }]);
  if (days > MAX_RANGE_DAYS) {
    throw new ValidationFailedError([
      { field: 'until', messages: [`the range may cover at most ${MAX_RANGE_DAYS} days (Meta keeps insights for 37 months)`] },
    ]);
  }
}
