import { formatCalendarDay, formatInstant, isIsoInstant } from './format-time';

describe('formatInstant', () => {
  const at = '2026-12-05T09:04:30.000Z';

  it("formats an instant in the reader's locale and time zone", () => {
    expect(formatInstant(at, 'dateTime', { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('05.12.2026, 10:04');
    expect(formatInstant(at, 'dateTime', { locale: 'en-GB', timeZone: 'UTC' })).toBe('5 Dec 2026, 09:04');
    // Newer ICU puts a narrow no-break space before AM; either space reads the same.
    expect(formatInstant(at, 'dateTime', { locale: 'en-US', timeZone: 'America/New_York' }).replace(/\s/g, ' ')).toBe(
      'Dec 5, 2026, 4:04 AM',
    );
  });

  it('offers the date only, the time only and times with seconds', () => {
    const utc = { locale: 'en-GB', timeZone: 'UTC' };
    expect(formatInstant(at, 'date', utc)).toBe('5 Dec 2026');
    expect(formatInstant(at, 'time', utc)).toBe('09:04');
    expect(formatInstant(at, 'timeSeconds', utc)).toBe('09:04:30');
    expect(formatInstant(new Date(at), 'dateTimeSeconds', utc)).toBe('5 Dec 2026, 09:04:30');
  });

  it('uses the browser locale by default, never the raw ISO string', () => {
    expect(formatInstant(at)).not.toContain('T09:04');
    expect(formatInstant(at)).toMatch(/2026/);
  });

  it('shows a value that is no date as it came instead of throwing', () => {
    expect(formatInstant('soon')).toBe('soon');
  });
});

describe('formatCalendarDay', () => {
  it('names the same day in every time zone', () => {
    expect(formatCalendarDay('1990-05-01', { locale: 'en-GB' })).toBe('1 May 1990');
    expect(formatCalendarDay('1990-05-01', { locale: 'de-DE' })).toBe('01.05.1990');
  });

  it('leaves a value that is no calendar day alone', () => {
    expect(formatCalendarDay('May 1990')).toBe('May 1990');
  });
});

describe('isIsoInstant', () => {
  it('recognises the instants the API writes, and nothing else', () => {
    expect(isIsoInstant('2026-11-20T10:00:00.000Z')).toBe(true);
    expect(isIsoInstant('2026-11-20T10:00:00+01:00')).toBe(true);
    expect(isIsoInstant('2026-11-20')).toBe(false);
    expect(isIsoInstant('manager')).toBe(false);
  });
});
