import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body bytes)>`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 * It must be computed over the bytes as received: Meta escapes unicode and slashes, so re-serialised JSON differs.
 * The header is parsed strictly first (Buffer.from(hex) would silently drop bad digits), so the constant-time
 * compare always sees two 32-byte digests.
 */
export function checkWebhookSignature(rawBody: Buffer, header: string | undefined, appSecret: string): SignatureCheck {
  if (header === undefined || header.trim() === '') return 'missing';
  const match = HEADER_FORMAT.exec(header.trim());
  if (!match) return 'malformed';
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (given.length !== expected.length) return 'malformed';
  return timingSafeEqual(given, expected) ? 'valid' : 'mismatch';
}
