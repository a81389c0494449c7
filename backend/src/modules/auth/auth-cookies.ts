import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { API_PREFIX, BOARD_COOKIE, OPS_ROUTES, REFRESH_COOKIE, ROUTES } from '@legeai/contracts';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { appConfig } from '../../config/app.config';

/**
 * The two httpOnly cookies of the console. `lg_refresh` is sent only to `/v1/auth` and `lg_board` only to Bull
 * Board; SameSite=Strict keeps other sites from making the browser send them. Secure whenever the public URL is https
 * or the request came over https: directly, or through a proxy TRUST_PROXY trusts to say so (X-Forwarded-Proto), so a
 * deployment whose PUBLIC_URL was left at its http default still gets Secure cookies behind its TLS terminator.
 */
@Injectable()
export class AuthCookies {
  static readonly refreshPath = `/${API_PREFIX}/${ROUTES.auth.base}`;

  constructor(@Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>) {}

  setRefresh(res: FastifyReply, token: string, expiresAt: Date): void {
    void res.setCookie(REFRESH_COOKIE, token, { ...this.base(res, AuthCookies.refreshPath), expires: expiresAt });
  }

  clearRefresh(res: FastifyReply): void {
    void res.clearCookie(REFRESH_COOKIE, this.base(res, AuthCookies.refreshPath));
  }

  setBoard(res: FastifyReply, token: string, expiresAt: Date): void {
    void res.setCookie(BOARD_COOKIE, token, { ...this.base(res, OPS_ROUTES.queues), expires: expiresAt });
  }

  private base(res: FastifyReply, path: string): CookieSerializeOptions {
    // Fastify's protocol: the TLS socket, or X-Forwarded-Proto from a trusted proxy only.
    const secure = this.app.publicUrl.startsWith('https://') || res.request.protocol === 'https';
    return { httpOnly: true, sameSite: 'strict', secure, path };
  }
}
