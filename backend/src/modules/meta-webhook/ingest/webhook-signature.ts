import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppSecrets, AppSecretUsed, verifyWithAppSecrets } from '../../../infra/meta-app-secret/app-secret-verification';

export type SignatureProblem = 'missing' | 'malformed' | 'mismatch';

/** A valid signature names the secret it verified with (the previous one only during a secret rotation). */
export type SignatureCheck = { valid: true; secret: AppSecretUsed } | { valid: false; problem: SignatureProblem };

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body bytes)>`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads), with the current app
 * secret and, while one is configured, the previous one.
 * It must be computed over the bytes as received: Meta escapes unicode and slashes, so re-serialised JSON differs.
 * The header is parsed strictly first (Buffer.from(hex) would silently drop bad digits), so the constant-time
 * compare always sees two 32-byte digests.
 */
export function checkWebhookSignature(rawBody: Buffer, header: string | undefined, secrets: AppSecrets): SignatureCheck {
  if (header === undefined || header.trim() === '') return { valid: false, problem: 'missing' };
  const match = HEADER_FORMAT.exec(header.trim());
  if (!match) return { valid: false, problem: 'malformed' };
  const given = Buffer.from(match[1], 'hex');
  const secret = verifyWithAppSecrets(secrets, (candidate) =>
    timingSafeEqual(given, createHmac('sha256', candidate).update(rawBody).digest()),
  );
  return secret ? { valid: true, secret } : { valid: false, problem: 'mismatch' };
}
