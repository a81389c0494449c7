import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TokenCipher, type EncryptedToken } from '../../../infra/crypto/token-cipher';
import type { EndpointRow } from './webhook-endpoints.repository';

/** A new endpoint secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Endpoint secrets at rest: encrypted with the token keys (TOKEN_ENCRYPTION_KEYS), bound to the endpoint's id so a
 * ciphertext copied onto another endpoint does not decrypt. They must be readable (they sign), unlike a password.
 */
@Injectable()
export class WebhookSecrets {
  constructor(private readonly cipher: TokenCipher) {}

  encrypt(endpointId: string, secret: string): EncryptedToken {
    return this.cipher.encrypt(secret, `outgoing-webhook:${endpointId}`);
  }

  /** The secrets that sign now: the current one, then the previous one while its overlap lasts. */
  signingSecrets(row: EndpointRow, now = new Date()): string[] {
    const context = `outgoing-webhook:${row.id}`;
    const secrets = [this.cipher.decrypt({ ciphertext: row.secretCiphertext, keyId: row.secretKeyId }, context)];
    if (row.previousSecretCiphertext && row.previousSecretKeyId && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now) {
      secrets.push(this.cipher.decrypt({ ciphertext: row.previousSecretCiphertext, keyId: row.previousSecretKeyId }, context));
    }
    return secrets;
  }

  /** The current secret, encrypted as stored (it becomes the previous one at a rotation). */
  current(row: EndpointRow): EncryptedToken {
    return { ciphertext: row.secretCiphertext, keyId: row.secretKeyId };
  }
}
