import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { TooManyAttemptsError } from './too-many-attempts.error';

/** Name of the throttler configured in AuthModule: LOGIN_RATE_LIMIT attempts per minute per client address. */
export const LOGIN_THROTTLER = 'login';

/**
 * Per-IP limit on login attempts (in memory, so per instance; the account lockout in the database is what holds
 * across instances). Answers with the envelope's `rate_limited` and a plain `Retry-After` header.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(retryAfterSeconds));
    return Promise.reject(new TooManyAttemptsError('Too many sign-in attempts from this address; try again later', retryAfterSeconds));
  }
}
