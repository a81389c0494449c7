import { commitWatermark, laterWatermark, syncSince, WatermarkTracker, type SyncWatermarkStore } from './sync-watermark';

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;
const FLOOR = at('2026-09-02T12:00:00Z');

describe(syncSince.name, () => {
  it('is the watermark minus the overlap', () => {
    expect(syncSince(at('2026-12-01T11:40:00Z'), 30 * MINUTE, FLOOR)).toEqual(at('2026-12-01T11:10:00Z'));
  });

  it('is the floor for an object never synced, or a watermark older than the floor', () => {
    expect(syncSince(null, 30 * MINUTE, FLOOR)).toBe(FLOOR);
    expect(syncSince(at('2026-01-01T00:00:00Z'), 30 * MINUTE, FLOOR)).toBe(FLOOR);
  });
});

describe(laterWatermark.name, () => {
  it('moves forward to the newest time seen, never back', () => {
    expect(laterWatermark(at('2026-12-01T10:00:00Z'), at('2026-12-01T11:03:11Z'))).toEqual(at('2026-12-01T11:03:11Z'));
    expect(laterWatermark(at('2026-12-01T10:00:00Z'), at('2026-12-01T09:45:00Z'))).toEqual(at('2026-12-01T10:00:00Z'));
    expect(laterWatermark(null, at('2026-11-30T08:00:00Z'))).toEqual(at('2026-11-30T08:00:00Z'));
    expect(laterWatermark(null, null)).toBeNull();
  });
});

describe(WatermarkTracker.name, () => {
  it('tracks the newest time seen across pages in any order, ignoring missing and invalid times', () => {
    const tracker = new WatermarkTracker(at('2026-12-01T10:00:00Z'));
    for (const t of ['2026-12-01T11:00:00Z', '2026-12-01T11:30:00Z', '2026-12-01T09:55:00Z']) tracker.observe(at(t));
    tracker.observe(null);
    tracker.observe(undefined);
    tracker.observe(new Date('not a time'));
    expect(tracker.newestSeen).toEqual(at('2026-12-01T11:30:00Z'));
    expect(tracker.next).toEqual(at('2026-12-01T11:30:00Z'));
  });

  it('keeps the stored watermark when only older (overlap) objects were read', () => {
    const tracker = new WatermarkTracker(at('2026-12-01T10:00:00Z'));
    tracker.observe(at('2026-12-01T09:45:00Z'));
    expect(tracker.next).toEqual(at('2026-12-01T10:00:00Z'));
  });
});

describe(commitWatermark.name, () => {
  const store = (stored: Date | null): SyncWatermarkStore<string> & { advanced: [string, Date][] } => {
    const advanced: [string, Date][] = [];
    return {
      advanced,
      readWatermark: async () => stored,
      // Monotonic like the SQL's GREATEST.
      advanceWatermark: async (key, seen) => {
        advanced.push([key, seen]);
        return laterWatermark(stored, seen);
      },
    };
  };

  it('writes nothing when nothing with a time was read', async () => {
    const s = store(at('2026-12-01T10:00:00Z'));
    expect(await commitWatermark(s, 'form-1', new WatermarkTracker(at('2026-12-01T10:00:00Z')))).toEqual(at('2026-12-01T10:00:00Z'));
    expect(s.advanced).toEqual([]);
  });

  it('stores the newest time seen and answers what the store holds', async () => {
    const s = store(at('2026-12-01T12:00:00Z')); // another sync of the same object finished later
    const tracker = new WatermarkTracker(at('2026-12-01T10:00:00Z'));
    tracker.observe(at('2026-12-01T11:00:00Z'));
    expect(await commitWatermark(s, 'form-1', tracker)).toEqual(at('2026-12-01T12:00:00Z'));
    expect(s.advanced).toEqual([['form-1', at('2026-12-01T11:00:00Z')]]);
  });

  it('falls back to the tracker’s next when the row is gone', async () => {
    const gone: SyncWatermarkStore<string> = { readWatermark: async () => null, advanceWatermark: async () => null };
    const tracker = new WatermarkTracker(null);
    tracker.observe(at('2026-12-01T11:00:00Z'));
    expect(await commitWatermark(gone, 'form-1', tracker)).toEqual(at('2026-12-01T11:00:00Z'));
  });
});
