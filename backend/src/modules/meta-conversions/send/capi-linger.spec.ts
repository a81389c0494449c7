import { lingerFor } from './capi-sender.service';

const TIMING = { windowMs: 1_000, maxLingerMs: 60_000 };
/** A batch of `count` due events written `oldestAgo` and `newestAgo` ms before now. */
const batch = (count: number, oldestAgo: number, newestAgo: number) => ({ count, oldestAgeMs: oldestAgo, newestAgeMs: newestAgo });

describe('lingerFor: how long a partial batch waits for the rest of a burst', () => {
  it('waits while changes keep coming, until a window after the newest', () => {
    expect(lingerFor(batch(2, 800, 300), TIMING)).toBe(700);
  });

  it('sends a lone change once its window has passed, and a burst at most 3 windows after its last change', () => {
    expect(lingerFor(batch(1, 1_000, 1_000), TIMING)).toBe(0);
    expect(lingerFor(batch(400, 30_000, 3_000), TIMING)).toBe(0);
  });

  it('lets a batch of hundreds ride out a pause of up to 3 windows (a busy server), a small one 1 window', () => {
    expect(lingerFor(batch(50, 5_000, 1_500), TIMING)).toBe(0);
    expect(lingerFor(batch(200, 8_000, 1_500), TIMING)).toBe(500);
    expect(lingerFor(batch(450, 20_000, 2_500), TIMING)).toBe(500);
    expect(lingerFor(batch(450, 20_000, 3_000), TIMING)).toBe(0);
  });

  it('keeps a steady trickle together up to the longest linger, then sends what came', () => {
    // 25 changes a second for 30 s: 750 events, the newest 40 ms old, so the batch waits on (3 windows from the newest).
    expect(lingerFor(batch(750, 30_000, 40), TIMING)).toBe(2_960);
    expect(lingerFor(batch(999, 59_800, 40), TIMING)).toBe(200);
    expect(lingerFor(batch(999, 60_000, 40), TIMING)).toBe(0);
  });

  it('sends a full request at once, and everything when there is no window', () => {
    expect(lingerFor(batch(1_000, 100, 0), TIMING)).toBe(0);
    expect(lingerFor(batch(3, 100, 0), { windowMs: 0, maxLingerMs: 60_000 })).toBe(0);
    expect(lingerFor({ count: 0, oldestAgeMs: null, newestAgeMs: null }, TIMING)).toBe(0);
  });

  it('never lingers less than a window, even with a shorter longest linger', () => {
    expect(lingerFor(batch(2, 500, 200), { windowMs: 1_000, maxLingerMs: 0 })).toBe(500);
  });
});
