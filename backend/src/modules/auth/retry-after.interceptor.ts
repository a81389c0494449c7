import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { catchError, Observable, throwError } from 'rxjs';
import { TooManyAttemptsError } from './too-many-attempts.error';

/** Adds the standard `Retry-After` header when a handler refuses with TooManyAttemptsError (account lockout). */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof TooManyAttemptsError) {
          context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(err.retryAfterSeconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
