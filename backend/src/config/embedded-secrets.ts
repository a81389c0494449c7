import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Secrets the embedded single-machine mode generates once and keeps beside its data. */
export interface EmbeddedSecrets {
  jwtSecret: string;
  /** TOKEN_ENCRYPTION_KEYS format: "kid:base64-32-bytes". */
  tokenEncryptionKeys: string;
  /** Password of the embedded PostgreSQL superuser. */
  postgresPassword: string;
}

/**
 * Reads `<dataDir>/secrets.json`, creating it (mode 0600) on first start. Keeping the secrets across restarts
 * means sessions survive a restart and stored Meta tokens stay decryptable.
 */
export function loadOrCreateEmbeddedSecrets(dataDir: string): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets>;
    if (stored.jwtSecret && stored.tokenEncryptionKeys && stored.postgresPassword) return stored as EmbeddedSecrets;
    throw new Error(`${file} is incomplete; restore it or delete ${dataDir} to start from scratch`);
  }
  const secrets: EmbeddedSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    tokenEncryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
    postgresPassword: randomBytes(24).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
