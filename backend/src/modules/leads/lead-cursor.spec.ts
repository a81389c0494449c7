import { ValidationFailedError } from '../../common/errors/api-error';
import { decodeLeadCursor, encodeLeadCursor } from './lead-cursor';

describe('lead cursors', () => {
  const cursor = { receivedAt: '2026-06-01 12:00:00.123456+00', id: '0b8f8f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b' };

  it('round-trips the exact received time (microseconds) and id, in URL-safe text', () => {
    const text = encodeLeadCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLeadCursor(text)).toEqual(cursor);
  });

  it.each([
    ['not base64 json', 'bm90IGpzb24'],
    ['a time that is not PostgreSQL text', encodeLeadCursor({ ...cursor, receivedAt: "now'); DROP TABLE leads;--" })],
    ['an id that is not a uuid', encodeLeadCursor({ ...cursor, id: '42' })],
    ['another shape', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses %s with a validation error on cursor', (_what, text) => {
    expect(() => decodeLeadCursor(text)).toThrow(ValidationFailedError);
  });
});
