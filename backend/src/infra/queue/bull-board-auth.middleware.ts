import { Injectable, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BOARD_COOKIE, ErrorCode, Role } from '@legeai/contracts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';
import { ApiError } from '../../common/errors/api-error';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier } from '../../common/auth/access-token-verifier';
import { readCookie } from '../../common/http/read-cookie';
import { securityHeadersForNodeRequest } from '../http/security-headers';

/** The request as Nest's middleware layer on Fastify hands it over: Node's, with Fastify's id and client address. */
type BoardRequest = IncomingMessage & { id?: string; ip?: string };

/**
 * Bull Board shows job payloads and can retry or delete jobs, so only admins may open it. Middleware runs outside
 * Nest's guards and filters, on Node's request and response, so this one authenticates the access token itself (from the bearer header or
 * the `lg_board` cookie set by `POST /v1/auth/board-session`) and answers with the envelope. It goes through the
 * auth module's AccessTokenVerifier (ACCESS_TOKEN_VERIFIER), so a logged-out, deactivated or demoted admin loses the
 * board at once, as with the API.
 */
@Injectable()
export class BullBoardAuthMiddleware implements NestMiddleware {
  private tokens?: AccessTokenVerifier;

  constructor(private readonly moduleRef: ModuleRef) {}

  async use(req: BoardRequest, res: ServerResponse, next: () => void): Promise<void> {
    const token = bearerToken(req) ?? readCookie(req.headers.cookie, BOARD_COOKIE);
    if (!token) return deny(req, res, new ApiError(401, ErrorCode.Unauthenticated, 'Sign in as an admin to open the queue board'));

    // Resolved lazily and globally: the board's module is not the auth module, and this runs per request anyway.
    this.tokens ??= this.moduleRef.get<AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER, { strict: false });
    const principal = await this.tokens.authenticate(token, req.ip);
    if (!principal) return deny(req, res, new ApiError(401, ErrorCode.Unauthenticated, 'Invalid or expired token'));
    if (principal.role !== Role.Admin) return deny(req, res, new ApiError(403, ErrorCode.Forbidden, 'Admins only'));
    next();
  }
}

/**
 * The envelope the exception filter would write, request id included (set by the request logger before this runs);
 * a browser opening the board gets the same answer as a page in the console's look instead of raw JSON.
 */
function deny(req: BoardRequest, res: ServerResponse, error: ApiError): void {
  const envelope = toEnvelope(error);
  if (req.id !== undefined) envelope.error.requestId = req.id;
  const html = prefersHtml(req.headers.accept);
  const body = html ? deniedPage(error.getStatus(), envelope.error.requestId) : JSON.stringify(envelope);
  // Written on Node's response, before Fastify's hooks set their headers: the security headers and the id go here.
  res.writeHead(error.getStatus(), {
    ...securityHeadersForNodeRequest(req),
    'Cache-Control': 'no-store',
    ...(req.id === undefined ? {} : { 'X-Request-Id': req.id }),
    'Content-Type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Whether an Accept header asks for HTML before JSON: a browser navigating (text/html first) does, fetch() and
 * curl (no header, or a wildcard) do not. Quality values are honoured; at equal quality the earlier type wins.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let best: { html: boolean; q: number } | undefined;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const html = type === 'text/html';
    if (!html && type !== 'application/json' && type !== '*/*' && type !== 'application/*') continue;
    const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean) ?? 1);
    if (!best || q > best.q) best = { html, q };
  }
  return best?.html ?? false;
}

/** A static page (no script, styles inline as the CSP allows) in the console's colours. */
export function deniedPage(status: number, requestId?: string): string {
  const signIn = status === 401;
  const title = signIn ? 'Sign in to open the queues' : 'The queues are for admins';
  const text = signIn
    ? 'The queue board opens from the console: sign in as an admin, then choose Queues in the navigation.'
    : 'The queue board shows job payloads and can retry or delete jobs, so only admins may open it. Ask an admin of your organisation if you need something from it.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · LEGEAI Meta Connect</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f7f9fc;color:#191c20;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:32rem;margin:16px;padding:32px;background:#fff;border:1px solid #c4c6d0;border-radius:16px}
.mark{display:inline-grid;place-items:center;width:40px;height:40px;border-radius:12px;background:#005cbb;color:#fff;font-weight:600}
h1{font-size:1.375rem;margin:16px 0 8px}p{margin:0 0 24px;color:#44474e}
a{display:inline-block;padding:10px 24px;border-radius:20px;background:#005cbb;color:#fff;text-decoration:none;font-weight:500}
small{display:block;margin-top:24px;color:#74777f}
</style></head>
<body><main><span class="mark" aria-hidden="true">L</span><h1>${title}</h1><p>${text}</p>
<a href="/">${signIn ? 'Open the console' : 'Back to the console'}</a>${requestId ? `<small>Request ${escapeHtml(requestId)}</small>` : ''}</main></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}
