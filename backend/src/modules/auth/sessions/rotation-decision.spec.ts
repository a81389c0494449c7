import { decideRotation } from './rotation-decision';

describe(decideRotation.name, () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const later = new Date('2026-01-02T12:00:00Z');
  const earlier = new Date('2026-01-01T11:00:00Z');
  const fresh = { revokedAt: null, rotatedAt: null, expiresAt: later };

  it('rotates the current token of a live family', () => {
    expect(decideRotation(fresh, now)).toBe('rotate');
  });

  it('refuses an unknown token', () => {
    expect(decideRotation(null, now)).toBe('invalid');
  });

  it('treats a token that was already exchanged as reuse', () => {
    expect(decideRotation({ ...fresh, rotatedAt: earlier }, now)).toBe('reuse');
  });

  it('treats an exchanged token as reuse even after it expired, so a late replay still ends the family', () => {
    expect(decideRotation({ ...fresh, rotatedAt: earlier, expiresAt: earlier }, now)).toBe('reuse');
  });

  it('refuses a token of a revoked family without further action', () => {
    expect(decideRotation({ ...fresh, revokedAt: earlier, rotatedAt: earlier }, now)).toBe('invalid');
  });

  it('refuses an expired token', () => {
    expect(decideRotation({ ...fresh, expiresAt: now }, now)).toBe('invalid');
  });
});
