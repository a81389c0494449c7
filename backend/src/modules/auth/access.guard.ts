import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { API_KEY_HEADER, roleSatisfies } from '@legeai/contracts';
import type { FastifyRequest } from 'fastify';
import { Principal, PRINCIPAL_REQUEST_KEY, readAccessRule } from '../../common/auth';
import { ApiKeyAuthenticator } from '../api-keys';
import { AccessTokenService } from './access-token.service';

/**
 * The global guard (APP_GUARD). Default deny: a handler must declare `@Public()` or `@Roles(...)`, and one that
 * declares neither is refused even to admins, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly apiKeys: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP exists today; any other transport must opt in here before it can reach a handler.
    if (context.getType() !== 'http') return false;
    const rule = readAccessRule(context.getHandler(), context.getClass());
    if (!rule) throw new ForbiddenException('This endpoint declares no access rule and is closed');
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    const principal = await this.authenticate(request);
    if (rule.usersOnly && principal.kind !== 'user') {
      throw new ForbiddenException('This endpoint is for signed-in console users, not API keys');
    }
    if (rule.platformAdmin && !principal.platformAdmin) {
      throw new ForbiddenException('This is for platform administrators');
    }
    if (!rule.roles.some((required) => roleSatisfies(principal.role, required))) {
      throw new ForbiddenException('Your role does not allow this');
    }
    request[PRINCIPAL_REQUEST_KEY] = principal;
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      const principal = bearer ? await this.accessTokens.authenticate(bearer, request.ip) : null;
      if (!principal) throw new UnauthorizedException('Invalid or expired access token');
      return principal;
    }
    const key = request.headers[API_KEY_HEADER];
    if (typeof key === 'string' && key.length > 0) {
      const principal = await this.apiKeys.authenticate(key.trim(), request.ip);
      if (!principal) throw new UnauthorizedException('Invalid or revoked API key');
      return principal;
    }
    throw new UnauthorizedException('Authentication required: send a bearer access token or an x-api-key header');
  }
}
