import { completedWindowText } from './completed-window';

describe('completedWindowText', () => {
  it('names the window an age-only retention counts over (the queues on PostgreSQL)', () => {
    expect(completedWindowText(12, { count: null, ageSeconds: 24 * 3600 })).toBe('12 completed in the last day');
    expect(completedWindowText(3, { count: null, ageSeconds: 7 * 24 * 3600 })).toBe('3 completed in the last 7 days');
    expect(completedWindowText(3, { count: null, ageSeconds: 12 * 3600 })).toBe('3 completed in the last 12 hours');
  });

  it('says a count caps it, with the age when there is one (the queues on Redis)', () => {
    expect(completedWindowText(1000, { count: 1000, ageSeconds: 7 * 24 * 3600 })).toBe(
      `${(1000).toLocaleString()} completed (the queue keeps the last ${(1000).toLocaleString()} of the past 7 days)`,
    );
    expect(completedWindowText(30, { count: 30, ageSeconds: null })).toBe('30 completed (the queue keeps the last 30)');
  });

  it('says when nothing is kept or everything is', () => {
    expect(completedWindowText(0, { count: 0, ageSeconds: null })).toBe('Completed jobs are not kept');
    expect(completedWindowText(5, { count: null, ageSeconds: null })).toBe('5 completed since the queue began');
  });
});
