import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { REFRESH_COOKIE } from '@legeai/contracts';
import type { FastifyRequest } from 'fastify';
import { ClientContext } from '../sessions';

/** Address and user agent of the caller, kept with sessions and audit entries. */
export const Client = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientContext => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
});

/** The raw `lg_refresh` cookie (parsed by @fastify/cookie, registered in configure-http.ts). */
export const RefreshTokenCookie = createParamDecorator((_data: unknown, ctx: ExecutionContext): unknown => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return req.cookies?.[REFRESH_COOKIE];
});
