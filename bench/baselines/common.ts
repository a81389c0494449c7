import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The product's BODY_LIMIT default (1 MB). */
const LIMIT = 1024 * 1024;

/** Collects the raw body; `null` when it is larger than the limit. */
export function readBody(req: IncomingMessage, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > LIMIT) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(tooLarge ? null : Buffer.concat(chunks)));
}

const HEADER_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/** The same check as the product's: strict header format, HMAC-SHA256 over the raw bytes, constant-time compare. */
export function signatureIsValid(body: Buffer, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const match = HEADER_FORMAT.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
