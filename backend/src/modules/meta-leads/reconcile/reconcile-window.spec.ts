import { earliestRetained, leadFiltering, nextWatermark, sweepWindow } from './reconcile-window';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const at = (iso: string) => new Date(iso);
const base = { overlapMinutes: 30, lookbackDays: 90, now: NOW };

describe('sweepWindow', () => {
  it('starts at the watermark minus the overlap and runs up to now', () => {
    const window = sweepWindow({ ...base, watermark: at('2026-12-01T11:40:00Z') });
    expect(window).toEqual({ from: at('2026-12-01T11:10:00Z'), to: null, advancesWatermark: true });
  });

  it('reads the whole retention when the form was never swept', () => {
    const window = sweepWindow({ ...base, watermark: null });
    expect(window.from).toEqual(at('2026-09-02T12:00:00Z'));
    expect(window.advancesWatermark).toBe(true);
  });

  it('never reads before the retention, even after a long pause', () => {
    const window = sweepWindow({ ...base, watermark: at('2026-01-01T00:00:00Z') });
    expect(window.from).toEqual(earliestRetained(NOW, 90));
    expect(window.advancesWatermark).toBe(true);
  });

  it('an on-demand range starting before the resume point is contiguous and may advance the watermark', () => {
    const window = sweepWindow({ ...base, watermark: at('2026-12-01T11:40:00Z'), from: at('2026-11-20T00:00:00Z') });
    expect(window).toEqual({ from: at('2026-11-20T00:00:00Z'), to: null, advancesWatermark: true });
  });

  it('a range starting after the resume point leaves a gap, so it does not advance the watermark', () => {
    const window = sweepWindow({ ...base, watermark: at('2026-11-01T00:00:00Z'), from: at('2026-11-20T00:00:00Z') });
    expect(window.advancesWatermark).toBe(false);
  });

  it('a range with an end in the past does not advance the watermark; an end in the future is "up to now"', () => {
    const closed = sweepWindow({ ...base, watermark: null, from: at('2026-09-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') });
    expect(closed).toEqual({ from: earliestRetained(NOW, 90), to: at('2026-11-01T00:00:00Z'), advancesWatermark: false });
    const open = sweepWindow({ ...base, watermark: null, from: at('2026-09-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') });
    expect(open.to).toBeNull();
    expect(open.advancesWatermark).toBe(true);
  });
});

describe('leadFiltering', () => {
  it('makes the start inclusive with GREATER_THAN the second before, in unix seconds', () => {
    const from = at('2026-12-01T11:10:00Z');
    expect(leadFiltering({ from, to: null, advancesWatermark: true })).toEqual([
      { field: 'time_created', operator: 'GREATER_THAN', value: from.getTime() / 1000 - 1 },
    ]);
  });

  it('adds LESS_THAN for a closed range', () => {
    const to = at('2026-11-01T00:00:00Z');
    const filters = leadFiltering({ from: at('2026-10-01T00:00:00Z'), to, advancesWatermark: false });
    expect(filters[1]).toEqual({ field: 'time_created', operator: 'LESS_THAN', value: to.getTime() / 1000 });
  });
});

describe('nextWatermark', () => {
  it('is the newest created_time seen, not the wall clock', () => {
    expect(nextWatermark(at('2026-12-01T10:00:00Z'), at('2026-12-01T11:03:11Z'))).toEqual(at('2026-12-01T11:03:11Z'));
  });

  it('stays when nothing was seen, and is set by the first lead of a new form', () => {
    expect(nextWatermark(at('2026-12-01T10:00:00Z'), null)).toEqual(at('2026-12-01T10:00:00Z'));
    expect(nextWatermark(null, null)).toBeNull();
    expect(nextWatermark(null, at('2026-11-30T08:00:00Z'))).toEqual(at('2026-11-30T08:00:00Z'));
  });

  it('never moves back when the overlap only re-read older leads', () => {
    expect(nextWatermark(at('2026-12-01T10:00:00Z'), at('2026-12-01T09:45:00Z'))).toEqual(at('2026-12-01T10:00:00Z'));
  });
});
