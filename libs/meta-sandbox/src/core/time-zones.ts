/**
 * Calendar days in an IANA time zone (`America/Chicago`), daylight saving included: Meta reports insights per day
 * of the ad account's time zone, and `timezone_offset_hours_utc` is the account's offset now
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-account/). Offsets only change at DST switches,
 * so they are cached per zone and UTC hour; a date string then costs one Date, not one Intl call.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const MAX_CACHED_HOURS = 200_000;

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in ms (negative west of Greenwich). */
export function zoneOffsetMs(zone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let byHour = offsets.get(zone);
  if (!byHour) offsets.set(zone, (byHour = new Map()));
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of formatter(zone).formatToParts(new Date(hour * HOUR_MS))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
    offset = wall - hour * HOUR_MS;
    if (byHour.size > MAX_CACHED_HOURS) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

/** Whole hours as Meta prints `timezone_offset_hours_utc` (half-hour zones keep their fraction). */
export const zoneOffsetHours = (zone: string, ms: number): number => zoneOffsetMs(zone, ms) / HOUR_MS;

/** `YYYY-MM-DD` of an instant in the zone. */
export const localDate = (ms: number, zone: string): string => new Date(ms + zoneOffsetMs(zone, ms)).toISOString().slice(0, 10);

const dayStarts = new Map<string, number>();

/** The UTC instant a local day starts (local midnight; DST switches happen later in the night everywhere we seed). */
export function dayStartMs(date: string, zone: string): number {
  const key = `${zone}|${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const midnightUtc = Date.parse(`${date}T00:00:00Z`);
    // Once more with the offset at the first guess, which is right unless the switch falls between the two.
    start = midnightUtc - zoneOffsetMs(zone, midnightUtc - zoneOffsetMs(zone, midnightUtc));
    if (dayStarts.size > MAX_CACHED_HOURS) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

/** The UTC instant the local day ends: 23, 24 or 25 hours after it started. */
export const dayEndMs = (date: string, zone: string): number => dayStartMs(addDays(date, 1), zone);

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
