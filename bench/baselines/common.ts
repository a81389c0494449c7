import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

/** A JSON answer with its length, as the product sends one. */
export function answer(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * Listens on PORT (0 = any) on loopback and prints `{"port":N}` once listening (what `startBaseline` waits for); on
 * SIGTERM closes every connection, runs `stop` (a pool to end) and exits.
 */
export function serve(server: Server, stop: () => Promise<void> = () => Promise.resolve()): void {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => void stop().then(() => process.exit(0)));
  });
}
