/** Who reads the time: the browser's locale and time zone unless a spec pins them. */
export interface TimeFormatOptions {
  locale?: string | readonly string[];
  timeZone?: string;
}

const STYLES = {
  /** "5 Dec 2026, 10:04" (en-GB), "Dec 5, 2026, 10:04 AM" (en-US), "05.12.2026, 10:04" (de-DE). */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** With seconds, for steps a few seconds apart (a lead's way through the pipeline). */
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
  timeSeconds: { timeStyle: 'medium' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: TimeStyle, { locale, timeZone }: TimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([style, locale ?? null, timeZone ?? null]);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale as string[] | undefined, { ...STYLES[style], timeZone });
    formatters.set(key, format);
  }
  return format;
}

/**
 * An instant (ISO-8601 from the API, or a Date) in the reader's locale and time zone, never raw ISO. A value that is
 * no date is shown as it came rather than breaking the page.
 */
export function formatInstant(at: string | Date, style: TimeStyle = 'dateTime', options: TimeFormatOptions = {}): string {
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : formatter(style, options).format(date);
}

/**
 * A calendar day without a time (`YYYY-MM-DD`, e.g. a date of birth) in the reader's locale. It names the same day
 * everywhere, so it is read and written in UTC: in a time zone west of UTC, local midnight would be the day before.
 */
export function formatCalendarDay(day: string, options: Omit<TimeFormatOptions, 'timeZone'> = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return day;
  }
  return formatInstant(`${day}T00:00:00Z`, 'date', { ...options, timeZone: 'UTC' });
}

/** Whether a string is an ISO-8601 instant as the API writes them (e.g. inside audit details). */
export function isIsoInstant(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}
