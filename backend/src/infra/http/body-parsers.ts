import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '@legeai/contracts';
import { parse as parseQueryString } from 'node:querystring';
import { ApiError } from '../../common/errors/api-error';
import { parseByteLimit } from './fast-routes';

const MALFORMED_JSON = new ApiError(400, ErrorCode.BadRequest, 'Malformed request body: not valid JSON');

/**
 * The request bodies the API reads, each bounded by BODY_LIMIT; any other content type is refused with 415 before a
 * route runs.
 *
 * - JSON: a syntax error is answered with a fixed message (V8's would quote part of the body, possibly a password),
 *   and an empty body reads as `{}`, so the validation pipe names the missing fields. `__proto__` and `constructor`
 *   keys are refused (Fastify's secure-json-parse). Handlers that need the exact bytes (`RawBodyRequest`) get them
 *   as `rawBody`.
 * - Forms (`application/x-www-form-urlencoded`), flat as query strings are.
 * - CSV (`text/csv`, the catalog's product imports) as text.
 *
 * Registered before `app.init()`, so Nest's defaults, which answer a JSON syntax error with V8's message, are not.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: string): void {
  const limit = parseByteLimit(bodyLimit);
  const json = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: limit }, (request, body, done) => {
    if (body.length === 0) return done(null, {});
    // Fastify's parser answers through the callback (its return value is not a promise to wait for).
    void json(request as FastifyRequest, body as unknown as string, (error, value) =>
      error ? done(MALFORMED_JSON, undefined) : done(null, value),
    );
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: limit }, (_request, body, done) =>
    done(null, parseQueryString(body.toString())),
  );
  app.useBodyParser('text/csv', { bodyLimit: limit }, (_request, body, done) => done(null, body.toString('utf8')));
}
