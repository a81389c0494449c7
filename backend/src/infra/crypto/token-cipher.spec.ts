import { randomBytes } from 'node:crypto';
import { TokenCipher, TokenCipherError, type EncryptedToken } from './token-cipher';

const k1 = { id: 'k1', key: randomBytes(32) };
const k0 = { id: 'k0', key: randomBytes(32) };
const TOKEN = 'EAAGm0PX4ZCpsBAKZCZBZAlonglivedtoken1234567890';

function flipByte(ct: EncryptedToken, index: number): EncryptedToken {
  const raw = Buffer.from(ct.ciphertext, 'base64');
  raw[index] ^= 0x01;
  return { ...ct, ciphertext: raw.toString('base64') };
}

function failure(fn: () => unknown): TokenCipherError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TokenCipherError) return err;
    throw err;
  }
  throw new Error('expected a TokenCipherError');
}

describe(TokenCipher.name, () => {
  it('round-trips a token, including non-ASCII text, with the first key', () => {
    const sut = new TokenCipher([k1, k0]);
    for (const plain of [TOKEN, 'token-ümlaut-токен-令牌', '']) {
      const ct = sut.encrypt(plain);
      expect(ct.keyId).toBe('k1');
      expect(sut.decrypt(ct)).toBe(plain);
    }
  });

  it('stores iv|tag|data in base64 and never the plaintext', () => {
    const ct = new TokenCipher([k1]).encrypt(TOKEN);
    const raw = Buffer.from(ct.ciphertext, 'base64');
    expect(raw.length).toBe(12 + 16 + Buffer.byteLength(TOKEN));
    expect(ct.ciphertext).not.toContain(TOKEN);
    expect(raw.toString('utf8')).not.toContain(TOKEN);
  });

  it('uses a fresh IV each time', () => {
    const sut = new TokenCipher([k1]);
    expect(sut.encrypt(TOKEN).ciphertext).not.toBe(sut.encrypt(TOKEN).ciphertext);
  });

  it.each([
    ['iv', 0],
    ['tag', 14],
    ['data', 30],
  ])('detects a changed %s byte as tampering', (_part, index) => {
    const sut = new TokenCipher([k1]);
    const err = failure(() => sut.decrypt(flipByte(sut.encrypt(TOKEN), index)));
    expect(err.reason).toBe('tampered');
    expect(err.message).not.toContain(TOKEN);
  });

  it('detects a ciphertext relabelled with another known key id', () => {
    const sut = new TokenCipher([k1, k0]);
    expect(failure(() => sut.decrypt({ ...sut.encrypt(TOKEN), keyId: 'k0' })).reason).toBe('tampered');
  });

  it('detects a ciphertext moved to another row (bound context)', () => {
    const sut = new TokenCipher([k1]);
    const ct = sut.encrypt(TOKEN, 'integration:1');
    expect(sut.decrypt(ct, 'integration:1')).toBe(TOKEN);
    expect(failure(() => sut.decrypt(ct, 'integration:2')).reason).toBe('tampered');
  });

  it('names an unknown key id clearly', () => {
    const old = new TokenCipher([k0]).encrypt(TOKEN);
    const err = failure(() => new TokenCipher([k1]).decrypt(old));
    expect(err.reason).toBe('unknown_key');
    expect(err.message).toContain('"k0"');
  });

  it('rejects truncated ciphertexts', () => {
    expect(failure(() => new TokenCipher([k1]).decrypt({ ciphertext: 'AAAA', keyId: 'k1' })).reason).toBe('malformed');
  });

  it('rejects bad key sets', () => {
    expect(() => new TokenCipher([])).toThrow(TokenCipherError);
    expect(() => new TokenCipher([{ id: 'short', key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new TokenCipher([k1, { ...k1 }])).toThrow(/Duplicate/);
  });

  describe('rotation', () => {
    it('decrypts old ciphertexts after a new key is put first, and re-encrypts them with it', () => {
      const before = new TokenCipher([k0]);
      const stored = before.encrypt(TOKEN, 'page:9');

      const after = new TokenCipher([k1, k0]);
      expect(after.decrypt(stored, 'page:9')).toBe(TOKEN);
      expect(after.needsReencryption(stored)).toBe(true);

      const rotated = after.reencrypt(stored, 'page:9');
      expect(rotated.keyId).toBe('k1');
      expect(after.needsReencryption(rotated)).toBe(false);
      expect(after.reencrypt(rotated, 'page:9')).toBe(rotated);

      // Once every row is rotated, the old key can go.
      expect(new TokenCipher([k1]).decrypt(rotated, 'page:9')).toBe(TOKEN);
    });
  });
});
