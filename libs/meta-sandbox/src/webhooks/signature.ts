import { createHmac } from 'node:crypto';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`, plus the legacy SHA-1 header Meta still
 * sends (https://developers.facebook.com/docs/graph-api/webhooks/getting-started). Computed over the exact bytes that
 * go on the wire.
 */
export function signatureHeaders(body: Buffer, appSecret: string): Record<string, string> {
  return {
    'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
    'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
  };
}
