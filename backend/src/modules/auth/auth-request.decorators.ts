import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { REFRESH_COOKIE } from '@legeai/contracts';
import type { Request } from 'express';
import { ClientContext } from '../sessions';

/** Address and user agent of the caller, kept with sessions and audit entries. */
export const Client = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientContext => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { ip: req.ip, userAgent: req.get('user-agent') };
});

/** The raw `lg_refresh` cookie (parsed by cookie-parser, applied to the auth routes by AuthModule). */
export const RefreshTokenCookie = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => {
  const req = ctx.switchToHttp().getRequest<Request & { cookies?: Record<string, unknown> }>();
  return req.cookies?.[REFRESH_COOKIE];
});
