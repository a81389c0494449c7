import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface CryptoConfig {
  /** The first key encrypts; every key decrypts, so old ciphertexts stay readable after a rotation. */
  keys: { id: string; key: Buffer }[];
}

/** Parses "kid1:base64-32-bytes,kid0:..." (format checked by the env schema). */
export function parseEncryptionKeys(value: string): CryptoConfig['keys'] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, b64] = entry.split(':');
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new Error(`TOKEN_ENCRYPTION_KEYS: key "${id}" is not 32 bytes`);
      return { id, key };
    });
}

export const cryptoConfig = registerAs('crypto', (): CryptoConfig => {
  const { env } = currentEnv();
  // Embedded mode fills TOKEN_ENCRYPTION_KEYS from <DATA_DIR>/secrets.json before Nest starts.
  if (!env.TOKEN_ENCRYPTION_KEYS) throw new Error('TOKEN_ENCRYPTION_KEYS is not set');
  return { keys: parseEncryptionKeys(env.TOKEN_ENCRYPTION_KEYS) };
});
