import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A token encrypted at rest: `ciphertext` is base64 of iv(12) | tag(16) | data; `keyId` names the key. */
export interface EncryptedToken {
  ciphertext: string;
  keyId: string;
}

export interface TokenKey {
  id: string;
  key: Buffer;
}

export type TokenCipherErrorReason = 'unknown_key' | 'tampered' | 'malformed' | 'bad_key';

/** Raised when a stored token cannot be decrypted; never carries plaintext or key material. */
export class TokenCipherError extends Error {
  constructor(
    readonly reason: TokenCipherErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'TokenCipherError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

/**
 * AES-256-GCM encryption for Meta tokens stored in the database. The first key encrypts; every key
 * decrypts, so keys can be rotated without downtime (see docs/key-rotation.md). The key id is bound as
 * additional authenticated data, so relabelling a ciphertext with another key id is detected as tampering;
 * callers may bind more context (e.g. the row id) the same way.
 */
export class TokenCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: TokenKey;

  constructor(keys: readonly TokenKey[]) {
    if (!keys.length) throw new TokenCipherError('bad_key', 'At least one token encryption key is required');
    this.keys = new Map();
    for (const { id, key } of keys) {
      if (!id || id.includes(':') || id.includes(',')) throw new TokenCipherError('bad_key', `Invalid token encryption key id "${id}"`);
      if (key.length !== 32) throw new TokenCipherError('bad_key', `Token encryption key "${id}" must be 32 bytes`);
      if (this.keys.has(id)) throw new TokenCipherError('bad_key', `Duplicate token encryption key id "${id}"`);
      this.keys.set(id, key);
    }
    this.current = keys[0];
  }

  /** The id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, context = ''): EncryptedToken {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    cipher.setAAD(aad(this.current.id, context));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64'), keyId: this.current.id };
  }

  decrypt(token: EncryptedToken, context = ''): string {
    const key = this.keys.get(token.keyId);
    if (!key) {
      throw new TokenCipherError('unknown_key', `Token was encrypted with key "${token.keyId}", which is not in TOKEN_ENCRYPTION_KEYS`);
    }
    const raw = Buffer.from(token.ciphertext ?? '', 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new TokenCipherError('malformed', 'Encrypted token is too short to be valid');
    const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(aad(token.keyId, context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenCipherError(
        'tampered',
        `Encrypted token failed authentication with key "${token.keyId}" (altered, or bound to other context)`,
      );
    }
  }

  /** Every configured key id, current first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** Whether a ciphertext was made with an older key and should be re-encrypted. */
  needsReencryption(token: EncryptedToken): boolean {
    return token.keyId !== this.current.id;
  }

  /** Re-encrypts with the current key (for rotation); returns the input unchanged when already current. */
  reencrypt(token: EncryptedToken, context = ''): EncryptedToken {
    if (!this.needsReencryption(token)) return token;
    return this.encrypt(this.decrypt(token, context), context);
  }
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${keyId}\u0000${context}`, 'utf8');
}
