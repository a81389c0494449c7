import { lingerFor, MAX_LINGER_WINDOWS } from './capi-sender.service';

const at = (ms: number) => ({ createdAt: new Date(ms) });
const NOW = 1_000_000;
const WINDOW = 1_000;

describe('lingerFor: how long a partial batch waits for the rest of a burst', () => {
  it('waits while changes keep coming, until the window after the newest', () => {
    expect(lingerFor([at(NOW - 800), at(NOW - 300)], WINDOW, NOW)).toBe(700);
  });

  it('sends at once when the newest change is a window old (the burst is over)', () => {
    expect(lingerFor([at(NOW - 5_000), at(NOW - WINDOW)], WINDOW, NOW)).toBe(0);
  });

  it('never holds the oldest event more than 10 windows, however steadily changes trickle in', () => {
    const oldest = NOW - (MAX_LINGER_WINDOWS * WINDOW - 200);
    expect(lingerFor([at(oldest), at(NOW - 10)], WINDOW, NOW)).toBe(200);
    expect(lingerFor([at(NOW - MAX_LINGER_WINDOWS * WINDOW), at(NOW - 10)], WINDOW, NOW)).toBe(0);
  });

  it('sends a full request, and everything when there is no window, at once', () => {
    expect(
      lingerFor(
        Array.from({ length: 1000 }, () => at(NOW)),
        WINDOW,
        NOW,
      ),
    ).toBe(0);
    expect(lingerFor([at(NOW)], 0, NOW)).toBe(0);
    expect(lingerFor([], WINDOW, NOW)).toBe(0);
  });
});
