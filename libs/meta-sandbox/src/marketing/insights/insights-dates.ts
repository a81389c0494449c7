import { GraphError } from '../../core/graph-error';
import { GraphErrors } from '../../core/graph-errors';
import { isObject, parseJson } from '../marketing-params';
import { addDays } from '../../core/time-zones';

/**
 * Insights dates are calendar days in the ad account's time zone, written `YYYY-MM-DD`; the zone's
 * daylight saving is honoured (`core/time-zones.ts`).
 */
export const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export { addDays, dayEndMs, dayStartMs, localDate } from '../../core/time-zones';

const addMonths = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};
const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
const quarterStart = (date: string): string => {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
};
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export interface DateRange {
  since: string;
  until: string;
}

/**
 * Insights keep about 37 months of history
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/insights).
 */
export const RETENTION_MONTHS = 37;

export const DATE_PRESETS = [
  'today',
  'yesterday',
  'this_month',
  'last_month',
  'this_quarter',
  'maximum',
  'data_maximum',
  'last_3d',
  'last_7d',
  'last_14d',
  'last_28d',
  'last_30d',
  'last_90d',
  'last_week_mon_sun',
  'last_week_sun_sat',
  'last_quarter',
  'last_year',
  'this_week_mon_today',
  'this_week_sun_today',
  'this_year',
] as const;

/** `date_preset` relative to today in the account's time zone; `last_Nd` ends yesterday, as on Meta. */
export function presetRange(preset: string, today: string): DateRange {
  const lastDays = /^last_(\d+)d$/.exec(preset);
  if (lastDays && DATE_PRESETS.includes(preset as (typeof DATE_PRESETS)[number])) {
    return { since: addDays(today, -Number(lastDays[1])), until: addDays(today, -1) };
  }
  switch (preset) {
    case 'today':
      return { since: today, until: today };
    case 'yesterday':
      return { since: addDays(today, -1), until: addDays(today, -1) };
    case 'this_month':
      return { since: monthStart(today), until: today };
    case 'last_month':
      return { since: addMonths(today, -1), until: addDays(monthStart(today), -1) };
    case 'this_quarter':
      return { since: quarterStart(today), until: today };
    case 'last_quarter': {
      const start = quarterStart(addDays(quarterStart(today), -1));
      return { since: start, until: addDays(quarterStart(today), -1) };
    }
    case 'this_year':
      return { since: `${today.slice(0, 4)}-01-01`, until: today };
    case 'last_year': {
      const year = Number(today.slice(0, 4)) - 1;
      return { since: `${year}-01-01`, until: `${year}-12-31` };
    }
    case 'this_week_mon_today':
      return { since: addDays(today, -((weekday(today) + 6) % 7)), until: today };
    case 'this_week_sun_today':
      return { since: addDays(today, -weekday(today)), until: today };
    case 'last_week_mon_sun': {
      const monday = addDays(today, -((weekday(today) + 6) % 7) - 7);
      return { since: monday, until: addDays(monday, 6) };
    }
    case 'last_week_sun_sat': {
      const sunday = addDays(today, -weekday(today) - 7);
      return { since: sunday, until: addDays(sunday, 6) };
    }
    case 'maximum':
    case 'data_maximum':
      return { since: addDays(addMonths(today, -RETENTION_MONTHS), 0), until: today };
  }
  throw GraphErrors.invalidParameter(`date_preset must be one of the following values: ${DATE_PRESETS.join(', ')}`);
}

export function parseTimeRange(raw: string): DateRange {
  const value = parseJson(raw, 'time_range');
  if (
    !isObject(value) ||
    typeof value['since'] !== 'string' ||
    typeof value['until'] !== 'string' ||
    !DATE.test(value['since']) ||
    !DATE.test(value['until'])
  ) {
    throw GraphErrors.invalidParameter('time_range must be a JSON object with since and until dates formatted YYYY-MM-DD');
  }
  const range = { since: value['since'], until: value['until'] };
  if (Number.isNaN(Date.parse(range.since)) || Number.isNaN(Date.parse(range.until)))
    throw GraphErrors.invalidParameter('time_range holds an invalid date');
  if (range.since > range.until) throw GraphErrors.invalidParameter('time_range since must be on or before until');
  return range;
}

/** Meta refuses ranges starting more than 37 months back (error 3018). */
export function checkRetention(range: DateRange, today: string): void {
  if (range.since < addMonths(today, -RETENTION_MONTHS)) {
    throw new GraphError({
      code: 3018,
      message: `(#3018) The start date of the time range cannot be beyond ${RETENTION_MONTHS} months from the current date`,
    });
  }
}

/**
 * Reach with breakdowns is only kept 13 months for sync queries
 * (https://developers.facebook.com/docs/marketing-api/insights/breakdowns).
 */
export const reachCutoff = (today: string): string => addMonths(today, -13);

/** `time_increment`: 1–90 days, `monthly`, or `all_days` (default). */
export function buckets(range: DateRange, increment: string | undefined): DateRange[] {
  const value = increment ?? 'all_days';
  if (value === 'all_days') return [range];
  const out: DateRange[] = [];
  if (value === 'monthly') {
    for (let start = range.since; start <= range.until; start = addMonths(start, 1)) {
      const end = addDays(addMonths(start, 1), -1);
      out.push({ since: start, until: end < range.until ? end : range.until });
    }
    return out;
  }
  const days = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(days >= 1 && days <= 90))
    throw GraphErrors.invalidParameter('time_increment must be an integer between 1 and 90, monthly or all_days');
  for (let start = range.since; start <= range.until; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    out.push({ since: start, until: end < range.until ? end : range.until });
  }
  return out;
}
