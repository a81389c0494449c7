import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ErrorCode, ErrorEnvelope } from '@legeai/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors/api-error';
import { isDependencyUnavailable, RETRY_AFTER_SECONDS } from '../errors/dependency-unavailable';

const CODE_BY_STATUS: Record<number, ErrorCode | string> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: 'method_not_allowed',
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: 'unsupported_media_type',
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

const UNAVAILABLE_MESSAGE = 'A service this request needs is unavailable; retry shortly';

/** The matched route's template (`/v1/leads/:id`). */
const routeOf = (req: FastifyRequest): string | undefined => req.routeOptions?.url;

/**
 * The only exception filter: every 4xx/5xx leaves as an ErrorEnvelope. Unexpected errors become a 500 whose message
 * reveals nothing; their detail goes to the log only. A database or queue that cannot be reached is a 503 with
 * Retry-After (see dependency-unavailable.ts), logged as a warning: an outage, not a bug, and one line per request.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const res = http.getResponse<FastifyReply>();

    const envelope = toEnvelope(exception);
    if (envelope.error.code === (ErrorCode.ServiceUnavailable as string) && !(exception instanceof HttpException)) {
      this.logger.warn({ method: req.method, route: routeOf(req), cause: describeCause(exception) }, UNAVAILABLE_MESSAGE);
    } else if (envelope.error.status >= 500) {
      this.logger.error(
        { err: exception, method: req.method, route: routeOf(req) },
        exception instanceof Error ? exception.message : 'Unhandled error',
      );
    }
    if (req.id !== undefined) envelope.error.requestId = String(req.id);
    if (res.sent || res.raw.headersSent) return;
    // Set outright: a handler's @Header('Content-Type', 'text/plain') is already on the reply when it throws.
    void res.header('Content-Type', 'application/json; charset=utf-8');
    if (envelope.error.status === 503 && !res.hasHeader('Retry-After')) void res.header('Retry-After', String(RETRY_AFTER_SECONDS));
    void res.status(envelope.error.status).send(envelope);
  }
}

/** Maps any thrown value to the envelope (exported for unit tests and non-Nest error paths). */
export function toEnvelope(exception: unknown): ErrorEnvelope {
  if (exception instanceof ApiError) {
    return envelope(exception.getStatus(), exception.code, exception.message, {
      fields: exception.fields,
      details: exception.details,
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return envelope(status, codeFor(status), messageOf(exception), { details: extraFacts(exception) });
  }
  if (isDependencyUnavailable(exception))
    return envelope(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.ServiceUnavailable, UNAVAILABLE_MESSAGE, {});
  return envelope(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.Internal, 'Internal server error', {});
}

function envelope(
  status: number,
  code: ErrorCode | string,
  message: string,
  extra: Pick<ErrorEnvelope['error'], 'fields' | 'details'>,
): ErrorEnvelope {
  const error: ErrorEnvelope['error'] = { status, code, message };
  if (extra.fields?.length) error.fields = extra.fields;
  if (extra.details && Object.keys(extra.details).length) error.details = extra.details;
  return { error };
}

function codeFor(status: number): ErrorCode | string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadRequest);
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/** Structured bodies some libraries attach (e.g. Terminus' health report on a 503) survive as details. */
function extraFacts(exception: HttpException): Record<string, unknown> | undefined {
  const body = exception.getResponse();
  if (!body || typeof body !== 'object') return undefined;
  // Nest's own bodies are { statusCode, message, error: 'Not Found' }; anything beyond that is kept.
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  delete rest.statusCode;
  delete rest.message;
  if (typeof rest.error === 'string') delete rest.error;
  return Object.keys(rest).length ? rest : undefined;
}

/** The error's code and message for the log (no stack: the cause is the outage, not this code path). */
function describeCause(exception: unknown): string {
  const { code, message } = (exception ?? {}) as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part).join(': ');
}
