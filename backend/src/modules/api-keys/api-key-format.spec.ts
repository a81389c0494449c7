import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKeyPrefix } from './api-key-format';

describe('api key format', () => {
  it('generates lgk_<prefix>_<secret> with at least 32 bytes of secret', () => {
    const { key, prefix } = generateApiKey();
    expect(key).toMatch(/^lgk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const secret = key.slice(`lgk_${prefix}_`.length);
    expect(Buffer.from(secret, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('never generates the same key twice', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
  });

  it('stores a SHA-256 that matches the key and nothing else', () => {
    const { key, hash } = generateApiKey();
    expect(hash).toBe(hashApiKey(key));
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'), hash)).toBe(false);
  });

  it('parses the prefix of a well-formed key', () => {
    const { key, prefix } = generateApiKey();
    expect(parseApiKeyPrefix(key)).toBe(prefix);
  });

  it.each(['', 'lgk_', 'lgk_abc_def', 'Bearer x', `xyz_${'a'.repeat(12)}_${'b'.repeat(43)}`])('rejects malformed key %j', (bad) =>
    expect(parseApiKeyPrefix(bad)).toBeNull(),
  );
});
