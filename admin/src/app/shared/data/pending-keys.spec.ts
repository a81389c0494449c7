import { pendingKeys } from './pending-keys';

describe('pendingKeys', () => {
  it('holds each marked key until it is unmarked', () => {
    const sut = pendingKeys();

    sut.mark('a', true);
    sut.mark('b', true);
    sut.mark('a', false);

    expect(sut.has('a')).toBe(false);
    expect(sut.has('b')).toBe(true);
    expect([...sut.keys()]).toEqual(['b']);
  });

  it('gives a new set on each change, so inputs bound to it see the change', () => {
    const sut = pendingKeys();
    const before = sut.keys();

    sut.mark('a', true);

    expect(sut.keys()).not.toBe(before);
    expect(before.size).toBe(0);
  });
});
