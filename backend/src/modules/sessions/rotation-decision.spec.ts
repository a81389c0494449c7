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

  describe('within the reuse grace window', () => {
    const graceMs = 30_000;
    const rotatedAt = new Date(now.getTime() - 10_000);

    it('honours a token exchanged moments ago (a concurrent refresh from another tab)', () => {
      expect(decideRotation({ ...fresh, rotatedAt }, now, graceMs)).toBe('grace');
    });

    it('still treats it as reuse once the window has passed', () => {
      expect(decideRotation({ ...fresh, rotatedAt: new Date(now.getTime() - graceMs) }, now, graceMs)).toBe('reuse');
    });

    it('has no window when the grace is 0', () => {
      expect(decideRotation({ ...fresh, rotatedAt: now }, now, 0)).toBe('reuse');
    });

    it('refuses a token of a revoked family even inside the window', () => {
      expect(decideRotation({ ...fresh, rotatedAt, revokedAt: rotatedAt }, now, graceMs)).toBe('invalid');
    });
  });

  it('refuses a token of a revoked family without further action', () => {
    expect(decideRotation({ ...fresh, revokedAt: earlier, rotatedAt: earlier }, now)).toBe('invalid');
  });

  it('refuses an expired token', () => {
    expect(decideRotation({ ...fresh, expiresAt: now }, now)).toBe('invalid');
  });
});
