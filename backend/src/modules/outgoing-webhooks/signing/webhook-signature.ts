import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far (seconds) a receiver should accept a signature's timestamp from its own clock (the documented default). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `"<t>.<raw body>"` with the secret (the secret's text as given, `whsec_…` included). */
export function signaturePayloadHmac(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * The `LegeAI-Signature` header: `t=<unix seconds>,v1=<hex>` with one `v1` per secret (two during a rotation's
 * overlap, the current one first), Stripe's scheme, so a receiver holding either secret verifies.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, rawBody: string | Buffer): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signaturePayloadHmac(s, timestamp, rawBody)}`)].join(',');
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'too_old' | 'mismatch' };

/**
 * What a receiver does (docs/outgoing-webhooks.md shows the same steps): read `t` and every `v1`, refuse a timestamp
 * further than the tolerance from now (a replayed request), and accept when one `v1` equals the HMAC computed with
 * the receiver's secret over the raw body, compared in constant time.
 */
export function verifySignature(
  header: string | undefined,
  secret: string,
  rawBody: string | Buffer,
  now = Date.now(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? '')).map(([, v]) => v);
  if (!Number.isInteger(t) || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return { ok: false, reason: 'too_old' };
  const expected = Buffer.from(signaturePayloadHmac(secret, t, rawBody), 'hex');
  const match = candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'mismatch' };
}
