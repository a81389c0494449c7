import { nextPollWait } from './insights-pull.service';

describe('nextPollWait', () => {
  it('waits for the time the progress says is left, plus a tenth of what passed', () => {
    // 4 s in, 40 %: 6 s left, plus 0.4 s.
    expect(nextPollWait(2_000, 4_000, 40, 500)).toBe(6_400);
  });
  it('grows by half without progress, and stays between the first wait and 30 s', () => {
    expect(nextPollWait(2_000, 2_000, 0, 500)).toBe(3_000);
    expect(nextPollWait(2_000, 2_000, undefined, 500)).toBe(3_000);
    expect(nextPollWait(2_000, 1_000, 99, 1_500)).toBe(1_500);
    expect(nextPollWait(25_000, 60_000, 1, 500)).toBe(30_000);
  });
});
