import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { ErrorCode, OPS_ROUTES, Role } from '@legeai/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../common/errors/api-error';
import { httpConfig } from '../../config/http.config';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier } from '../../common/auth/access-token-verifier';

/**
 * Who may scrape /metrics (METRICS_ACCESS): anyone (`public`), Prometheus with the configured bearer token
 * (`token`), a console admin's access token (`admin`), or nobody (`off`, answered like a route that does not exist).
 * The metrics carry no payloads, but queue depths, route timings and process facts are nobody else's business.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly tokenDigest?: Buffer;
  private tokens?: AccessTokenVerifier;

  constructor(
    @Inject(httpConfig.KEY) private readonly cfg: ConfigType<typeof httpConfig>,
    private readonly moduleRef: ModuleRef,
  ) {
    if (cfg.metricsToken) this.tokenDigest = digest(cfg.metricsToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    switch (this.cfg.metricsAccess) {
      case 'public':
        return true;
      case 'off':
        throw new ApiError(404, ErrorCode.NotFound, `Cannot ${req.method} ${OPS_ROUTES.metrics}`);
      case 'token':
        if (this.tokenDigest && matches(bearerOf(req), this.tokenDigest)) return true;
        void http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new ApiError(401, ErrorCode.Unauthenticated, 'Send the metrics token as a bearer token');
      case 'admin': {
        const bearer = bearerOf(req);
        // Resolved lazily, as the Bull Board guard does: the auth module is a feature module, not this one's import.
        this.tokens ??= this.moduleRef.get<AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER, { strict: false });
        const principal = bearer ? await this.tokens.authenticate(bearer, req.ip) : null;
        if (!principal) throw new ApiError(401, ErrorCode.Unauthenticated, "Send a console admin's access token as a bearer token");
        if (principal.role !== Role.Admin) throw new ApiError(403, ErrorCode.Forbidden, 'Admins only');
        return true;
      }
      default:
        return false;
    }
  }
}

function bearerOf(req: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so the comparison takes the same time whatever the length or content of the guess. */
function matches(given: string | undefined, expected: Buffer): boolean {
  return given !== undefined && timingSafeEqual(digest(given), expected);
}
