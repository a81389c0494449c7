import type { DateRange } from '@legeai/contracts';
import { dayCount, halves } from './insight-days';
import { InsightsDayFailedError, ReportRunFailedError, runWithSplits } from './report-splitter';

const r = (since: string, until: string): DateRange => ({ since, until });
const label = (range: DateRange) => `${range.since}/${range.until}`;

describe('halves', () => {
  it('splits a range into two adjacent ranges covering it, the first the longer when odd', () => {
    expect(halves(r('2026-11-01', '2026-11-28'))).toEqual([r('2026-11-01', '2026-11-14'), r('2026-11-15', '2026-11-28')]);
    expect(halves(r('2026-02-27', '2026-03-01'))).toEqual([r('2026-02-27', '2026-02-28'), r('2026-03-01', '2026-03-01')]);
    expect(halves(r('2026-11-03', '2026-11-03'))).toBeNull();
  });
  it('counts days across month and year ends', () => {
    expect(dayCount(r('2025-12-30', '2026-01-02'))).toBe(4);
  });
});

describe('runWithSplits', () => {
  it('runs the whole range once when it succeeds', async () => {
    const ran: string[] = [];
    const splits: string[] = [];
    await runWithSplits(r('2026-11-01', '2026-11-28'), async (range) => void ran.push(label(range)), {
      onSplit: (range) => splits.push(label(range)),
    });
    expect(ran).toEqual(['2026-11-01/2026-11-28']);
    expect(splits).toEqual([]);
  });

  it('runs a failed range again as its halves, recursively, until each piece succeeds, in date order', async () => {
    const failing = new Set(['2026-11-01/2026-11-28', '2026-11-15/2026-11-28']);
    const ran: string[] = [];
    const splits: string[] = [];
    await runWithSplits(
      r('2026-11-01', '2026-11-28'),
      async (range) => {
        if (failing.has(label(range))) throw new ReportRunFailedError(range, 'Job Failed');
        ran.push(label(range));
      },
      { onSplit: (range) => splits.push(label(range)) },
    );
    expect(splits).toEqual(['2026-11-01/2026-11-28', '2026-11-15/2026-11-28']);
    expect(ran).toEqual(['2026-11-01/2026-11-14', '2026-11-15/2026-11-21', '2026-11-22/2026-11-28']);
    // Every day read exactly once.
    expect(ran.reduce((sum, piece) => sum + dayCount(r(...(piece.split('/') as [string, string]))), 0)).toBe(28);
  });

  it('fails with the day when a single day still fails, after splitting down to it', async () => {
    let calls = 0;
    const failure = runWithSplits(r('2026-11-01', '2026-11-04'), async (range) => {
      calls++;
      if (range.since <= '2026-11-03' && range.until >= '2026-11-03') throw new ReportRunFailedError(range, 'Job Skipped');
    });
    await expect(failure).rejects.toThrow(InsightsDayFailedError);
    await expect(failure).rejects.toMatchObject({ date: '2026-11-03', reason: 'Job Skipped' });
    // 1-4 fails, 1-2 ok, 3-4 fails, 3 fails alone.
    expect(calls).toBe(4);
  });

  it('never splits on other errors (a throttle is not helped by more calls)', async () => {
    let calls = 0;
    const throttled = Object.assign(new Error('throttled'), { kind: 'rate_limited' });
    await expect(
      runWithSplits(r('2026-11-01', '2026-11-28'), async () => {
        calls++;
        throw throttled;
      }),
    ).rejects.toBe(throttled);
    expect(calls).toBe(1);
  });

  it('stops at the depth bound', async () => {
    const ran: DateRange[] = [];
    await expect(
      runWithSplits(
        r('2026-01-01', '2026-12-31'),
        async (range) => {
          ran.push(range);
          throw new ReportRunFailedError(range, 'Job Failed');
        },
        { maxDepth: 2 },
      ),
    ).rejects.toThrow(InsightsDayFailedError);
    // Depth 0, then 1 (first half), then 2 (its first half) which may not split further.
    expect(ran).toHaveLength(3);
  });
});
