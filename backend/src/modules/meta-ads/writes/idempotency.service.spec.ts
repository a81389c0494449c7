import { requestHash } from './idempotency.service';

describe('requestHash', () => {
  it('is the same for the same request whatever the key order, and differs by operation or body', () => {
    expect(requestHash('a', { x: 1, y: { b: 2, a: [1, 2] } })).toBe(requestHash('a', { y: { a: [1, 2], b: 2 }, x: 1 }));
    expect(requestHash('a', { x: 1 })).not.toBe(requestHash('b', { x: 1 }));
    expect(requestHash('a', { x: 1 })).not.toBe(requestHash('a', { x: 2 }));
    expect(requestHash('a', { x: 1, y: undefined })).toBe(requestHash('a', { x: 1 }));
  });
});
