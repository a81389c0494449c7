import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  let now = 1_000;
  const cache = () => new VerifiedTokenCache<{ exp: number; sub: string }>(2, () => now);
  beforeEach(() => (now = 1_000));

  it('answers the claims of a remembered token until the token expires, then forgets it', () => {
    const c = cache();
    c.remember('a.b.c', { exp: 1_060, sub: 'u1' });
    expect(c.get('a.b.c')).toEqual({ exp: 1_060, sub: 'u1' });
    now = 1_059.9;
    expect(c.get('a.b.c')?.sub).toBe('u1');
    now = 1_060;
    expect(c.get('a.b.c')).toBeUndefined();
    now = 1_000;
    expect(c.get('a.b.c')).toBeUndefined();
  });

  it('knows only the exact text it verified', () => {
    const c = cache();
    c.remember('a.b.c', { exp: 2_000, sub: 'u1' });
    expect(c.get('a.b.C')).toBeUndefined();
    expect(c.get('a.b.c ')).toBeUndefined();
  });

  it('drops the oldest token when full', () => {
    const c = cache();
    c.remember('t1', { exp: 2_000, sub: 'u1' });
    c.remember('t2', { exp: 2_000, sub: 'u2' });
    c.remember('t3', { exp: 2_000, sub: 'u3' });
    expect(c.get('t1')).toBeUndefined();
    expect(c.get('t2')?.sub).toBe('u2');
    expect(c.get('t3')?.sub).toBe('u3');
  });
});
