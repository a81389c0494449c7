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

/** The envelope the exception filter would write, request id included (set by the request logger before this runs). */
function deny(req: Request, res: Response, error: ApiError): void {
  const envelope = toEnvelope(error);
  if (req.id !== undefined) envelope.error.requestId = String(req.id as string | number); // ids are made by the request logger
  res.status(error.getStatus()).json(envelope);
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
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
