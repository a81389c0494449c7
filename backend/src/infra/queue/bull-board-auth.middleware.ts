import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode, Role } from '@legeai/contracts';
import type { NextFunction, Request, Response } from 'express';
import { authConfig } from '../../config/auth.config';
import { toEnvelope } from '../../common/filters/all-exceptions.filter';
import { ApiError } from '../../common/errors/api-error';

/** Cookie set by `POST /v1/auth/board-session` (path /admin/queues) so the console can open Bull Board in a tab. */
export const BOARD_COOKIE = 'lg_board';

interface AccessClaims {
  sub?: string;
  org?: string;
  role?: string;
  sid?: string;
  typ?: string;
}

/**
 * Bull Board shows job payloads and can retry or delete jobs, so only admins may open it. Express middleware runs
 * outside Nest's guards and filters, so this one verifies the access JWT itself and answers with the envelope.
 */
@Injectable()
export class BullBoardAuthMiddleware implements NestMiddleware {
  private readonly jwt = new JwtService();

  constructor(@Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const token = bearerToken(req) ?? readCookie(req.headers.cookie, BOARD_COOKIE);
    if (!token) return deny(res, new ApiError(401, ErrorCode.Unauthenticated, 'Sign in as an admin to open the queue board'));

    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims & object>(token, { secret: this.auth.jwtSecret, algorithms: ['HS256'] });
    } catch {
      return deny(res, new ApiError(401, ErrorCode.Unauthenticated, 'Invalid or expired token'));
    }
    if (claims.typ !== 'access' || !claims.sub) {
      return deny(res, new ApiError(401, ErrorCode.Unauthenticated, 'Invalid or expired token'));
    }
    if (claims.role !== Role.Admin) return deny(res, new ApiError(403, ErrorCode.Forbidden, 'Admins only'));
    next();
  }
}

function deny(res: Response, error: ApiError): void {
  res.status(error.getStatus()).json(toEnvelope(error));
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
