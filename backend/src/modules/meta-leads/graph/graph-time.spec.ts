import { parseGraphTime } from './graph-time';

const at = (iso: string) => new Date(iso);

describe('parseGraphTime', () => {
  it("reads Meta's +0000 offsets", () => {
    expect(parseGraphTime('2026-11-20T14:03:11+0000')).toEqual(at('2026-11-20T14:03:11Z'));
    expect(parseGraphTime('2026-11-20T16:03:11+0200')).toEqual(at('2026-11-20T14:03:11Z'));
  });

  it('reads ISO times with a colon in the offset or a Z', () => {
    expect(parseGraphTime('2026-11-20T14:03:11Z')).toEqual(at('2026-11-20T14:03:11Z'));
    expect(parseGraphTime('2026-11-20T16:03:11+02:00')).toEqual(at('2026-11-20T14:03:11Z'));
  });

  it('answers null for missing or unreadable values', () => {
    expect(parseGraphTime(undefined)).toBeNull();
    expect(parseGraphTime(null)).toBeNull();
    expect(parseGraphTime('yesterday')).toBeNull();
  });
});
