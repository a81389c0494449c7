import { daysUntil, timeFromNow } from './time-from-now';

describe('timeFromNow', () => {
  const now = Date.parse('2026-11-29T12:00:00.000Z');
  const at = (ms: number) => new Date(now + ms).toISOString();
  const DAY = 24 * 3600_000;

  it.each([
    [30_000, 'just now'],
    [-5 * 60_000, '5 minutes ago'],
    [3 * 3600_000, 'in 3 hours'],
    [-DAY, 'yesterday'],
    [50 * DAY, 'in 50 days'],
    [90 * DAY, 'in 3 months'],
    [-400 * DAY, 'last year'],
  ])('words an offset of %i ms as "%s"', (offset, words) => {
    expect(timeFromNow(at(offset), now)).toBe(words);
  });

  it('counts the days left, negative once past', () => {
    expect(daysUntil(at(3 * DAY), now)).toBe(3);
    expect(daysUntil(at(-DAY / 2), now)).toBe(-0.5);
  });
});
