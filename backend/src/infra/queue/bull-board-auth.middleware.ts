import { Injectable, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BOARD_COOKIE, ErrorCode, Role } from '@legeai/contracts';
import type { NextFunction, Request, Response } from 'express';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';
import { ApiError } from '../../common/errors/api-error';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier } from '../../common/auth/access-token-verifier';

/**
 * Bull Board shows job payloads and can retry or delete jobs, so only admins may open it. Express middleware runs
 * outside Nest's guards and filters, so this one authenticates the access token itself (from the bearer header or
 * the `lg_board` cookie set by `POST /v1/auth/board-session`) and answers with the envelope. It goes through the
 * auth module's AccessTokenVerifier (ACCESS_TOKEN_VERIFIER), so a logged-out, deactivated or demoted admin loses the
 * board at once, as with the API.
 */
@Injectable()
export class BullBoardAuthMiddleware implements NestMiddleware {
  private tokens?: AccessTokenVerifier;

  constructor(private readonly moduleRef: ModuleRef) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
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
function deny(req: Request, res: Response, error: ApiError): void {
  const envelope = toEnvelope(error);
  if (req.id !== undefined) envelope.error.requestId = String(req.id as string | number); // ids are made by the request logger
  if (req.accepts(['json', 'html']) === 'html') {
    res.status(error.getStatus()).type('html').send(deniedPage(error.getStatus(), envelope.error.requestId));
    return;
  }
  res.status(error.getStatus()).json(envelope);
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

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

/** Reads one cookie from a Cookie header without pulling in a parser for the whole app. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
