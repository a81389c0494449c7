import { ErrorCode } from '@legeai/contracts';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from '../../common/errors/api-error';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';

/** Errors Node's HTTP parser raises before any request exists, and how each is answered. */
const ANSWERS: Record<string, ApiError> = {
  HPE_HEADER_OVERFLOW: new ApiError(431, 'request_header_fields_too_large', 'Request headers are too large'),
  HPE_CHUNK_EXTENSIONS_OVERFLOW: new ApiError(413, ErrorCode.PayloadTooLarge, 'Request chunk extensions are too large'),
  ERR_HTTP_REQUEST_TIMEOUT: new ApiError(408, 'request_timeout', 'The request did not arrive in time'),
};
const MALFORMED = new ApiError(400, ErrorCode.BadRequest, 'Malformed HTTP request');

/**
 * Answers what Node's HTTP server catches before the framework sees a request (headers over the size limit, a
 * request that arrives too slowly, bytes that are not HTTP) with the ErrorEnvelope, as every other error, instead of
 * a bare status line. Then the connection is closed: after a parse error nothing more can be read from it. Fastify's
 * `clientErrorHandler` (http-adapter.ts), so it is the server's only `clientError` listener.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's own handler: only when no answer to an earlier request on this connection has started, or the bytes
  // would land in the middle of it.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawResponse(ANSWERS[error.code ?? ''] ?? MALFORMED), () => socket.destroy());
}

function rawResponse(error: ApiError): string {
  const envelope = toEnvelope(error);
  envelope.error.requestId = randomUUID();
  const body = JSON.stringify(envelope);
  const status = envelope.error.status;
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Cache-Control: no-store\r\n' +
    'X-Content-Type-Options: nosniff\r\n' +
    `X-Request-Id: ${envelope.error.requestId}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}
