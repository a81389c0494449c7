import { SandboxClock } from '../src/core/clock';
import { UsageTracker } from '../src/core/usage-tracker';
import type { UsageBudgets } from '../src/core/usage-types';

const budgets = (appCallsPerHour: number): UsageBudgets =>
  ({ appCallsPerHour, adAccountCallsPerHour: 1000, headerWarmupCalls: 0, buc: {} }) as unknown as UsageBudgets;

describe('UsageTracker rolling window', () => {
  const key = UsageTracker.appKey('app');
  const HOUR = 3_600_000;

  it('counts calls and their cost inside the window and forgets them as they leave it', () => {
    const clock = new SandboxClock('2026-01-01T00:00:00Z');
    const tracker = new UsageTracker(clock, budgets(100));
    for (let i = 0; i < 10; i++) tracker.record(key, 40);
    clock.advance(HOUR / 2);
    for (let i = 0; i < 30; i++) tracker.record(key, 40);
    expect(tracker.usage(key)).toMatchObject({ callCount: 40, callPct: 40, timePct: 40 });

    // The first ten leave the window; the cost they carried leaves with them.
    clock.advance(HOUR / 2 + 1);
    expect(tracker.usage(key)).toMatchObject({ callCount: 30, callPct: 30, timePct: 30 });
    clock.advance(HOUR);
    expect(tracker.usage(key)).toMatchObject({ callCount: 0, callPct: 0, timePct: 0 });
  });

  it('stays exact across many calls (the window is trimmed from the front, not rebuilt)', () => {
    const clock = new SandboxClock('2026-01-01T00:00:00Z');
    const tracker = new UsageTracker(clock, budgets(1_000_000));
    for (let minute = 0; minute < 120; minute++) {
      for (let i = 0; i < 500; i++) tracker.record(key, 20);
      clock.advance(60_000);
      // A call made exactly an hour ago has left, so at most the last 59 whole minutes' calls remain.
      expect(tracker.usage(key).callCount).toBe(Math.min(minute + 1, 59) * 500);
    }
  });

  it('names the regain time from the call that must leave, and still counts right after the clock is moved back', () => {
    const clock = new SandboxClock('2026-01-01T00:00:00Z');
    const tracker = new UsageTracker(clock, budgets(3));
    tracker.record(key, 40);
    clock.advance(20 * 60_000);
    tracker.record(key, 40);
    tracker.record(key, 40);
    expect(tracker.isThrottled(key)).toBe(true);
    // The oldest call leaves 40 minutes from now.
    expect(tracker.usage(key).regainMinutes).toBe(40);

    clock.rewind(); // the control surface's reset: later calls carry earlier times
    tracker.record(key, 40);
    expect(tracker.usage(key).callCount).toBe(4);
    clock.advance(HOUR + 1);
    // Only the two made at +20 min remain (they leave at +80 min).
    expect(tracker.usage(key).callCount).toBe(2);
  });
});
