import type { Server } from 'node:http';
import type { HttpConfig } from '../../config/http.config';

/**
 * The HTTP server's limits on slow clients, set from configuration instead of Node's defaults (60 s for headers,
 * 300 s for a request, checked only every 30 s: a client trickling its headers held a connection for 90 s).
 *
 * - `headersTimeout`: the request's headers must arrive within it; `requestTimeout`: the whole request, body included.
 *   A client over either gets a 408 envelope (client-errors.ts) and the connection is closed. Neither limits how
 *   long we take to answer.
 * - `keepAliveTimeout`: how long an idle keep-alive connection waits for the next request.
 * - `connectionsCheckingInterval`: how often Node looks for connections over those limits. Node reads it when the
 *   server starts listening, so this must run before `listen()`. A quarter of the shorter limit (at most 1 s) keeps a
 *   slow client's overrun small; the check only walks connections with a request still arriving.
 */
export function applyServerTimeouts(
  server: Server,
  cfg: Pick<HttpConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'>,
): void {
  server.headersTimeout = cfg.headersTimeoutMs;
  server.requestTimeout = cfg.requestTimeoutMs;
  server.keepAliveTimeout = cfg.keepAliveTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1_000,
    Math.max(25, Math.floor(Math.min(cfg.headersTimeoutMs, cfg.requestTimeoutMs) / 4)),
  );
}
