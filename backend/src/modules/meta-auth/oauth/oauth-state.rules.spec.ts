import { hashOAuthState, isWellFormedOAuthState, newOAuthState, oauthStateProblem } from './oauth-state.rules';

describe('OAuth state rules', () => {
  const now = new Date('2026-11-29T10:00:00Z');

  it('makes unguessable, well-formed states that differ every time', () => {
    const a = newOAuthState();
    const b = newOAuthState();
    expect(a).not.toEqual(b);
    expect(isWellFormedOAuthState(a)).toBe(true);
  });

  it('rejects malformed states before any lookup', () => {
    expect(isWellFormedOAuthState(undefined)).toBe(false);
    expect(isWellFormedOAuthState('st-123')).toBe(false);
    expect(isWellFormedOAuthState(`${newOAuthState()}'; drop table`)).toBe(false);
    expect(isWellFormedOAuthState(['a'])).toBe(false);
  });

  it('stores a hash, never the state itself', () => {
    const state = newOAuthState();
    const hash = hashOAuthState(state);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(state);
    expect(hashOAuthState(state)).toEqual(hash);
  });

  it('accepts an unused state before its expiry', () => {
    expect(oauthStateProblem({ expiresAt: new Date(now.getTime() + 1000), usedAt: null }, now)).toBeNull();
  });

  it('refuses unknown, used and expired states', () => {
    expect(oauthStateProblem(null, now)).toBe('unknown');
    expect(oauthStateProblem({ expiresAt: new Date(now.getTime() + 1000), usedAt: now }, now)).toBe('used');
    expect(oauthStateProblem({ expiresAt: now, usedAt: null }, now)).toBe('expired');
  });
});
