import { verifyWithAppSecrets } from './app-secret-verification';

describe(verifyWithAppSecrets.name, () => {
  const rotating = { appSecret: 'current-secret', previousAppSecret: 'previous-secret' };

  it('names the secret that verified, current first', () => {
    expect(verifyWithAppSecrets(rotating, (s) => s === 'current-secret')).toBe('current');
    expect(verifyWithAppSecrets(rotating, (s) => s === 'previous-secret')).toBe('previous');
    expect(verifyWithAppSecrets(rotating, () => true)).toBe('current');
    expect(verifyWithAppSecrets(rotating, () => false)).toBeNull();
  });

  it('tries both secrets whatever the first answer, so timing does not tell which matched', () => {
    for (const matching of ['current-secret', 'previous-secret', 'neither']) {
      const tried: string[] = [];
      verifyWithAppSecrets(rotating, (s) => (tried.push(s), s === matching));
      expect(tried).toEqual(['current-secret', 'previous-secret']);
    }
  });

  it('tries only the current secret when no previous one is configured', () => {
    const tried: string[] = [];
    expect(verifyWithAppSecrets({ appSecret: 'current-secret' }, (s) => (tried.push(s), false))).toBeNull();
    expect(tried).toEqual(['current-secret']);
  });
});
