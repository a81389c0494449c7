import { checkMoment, readableUtc } from './readable-utc';

describe(readableUtc.name, () => {
  it('writes day, month, year and a 24-hour time in UTC, whatever the process zone', () => {
    expect(readableUtc(new Date('2026-12-05T17:16:42Z'))).toBe('5 Dec 2026, 17:16 UTC');
    expect(readableUtc(new Date('2027-01-30T00:05:00+02:00'))).toBe('29 Jan 2027, 22:05 UTC');
  });
});

describe(checkMoment.name, () => {
  it('gives the instant as ISO 8601 and the text a message writes it with', () => {
    expect(checkMoment(new Date('2026-12-05T17:16:42Z'))).toEqual({ at: '2026-12-05T17:16:42.000Z', atText: '5 Dec 2026, 17:16 UTC' });
  });
});
