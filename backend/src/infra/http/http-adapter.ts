import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/app.config';
import { answerClientError } from './client-errors';
import { answerFrameworkError } from './framework-errors';
import { parseByteLimit, requestIdOf } from './fast-routes';

/**
 * Nest on Fastify (https://docs.nestjs.com/techniques/performance) rather than Express: the same controllers,
 * guards, pipes and filters, with a router and request lifecycle that cost about half as much CPU per request and
 * leave far less garbage behind (docs/benchmarks.md, "Nest on Fastify"). Everything the server decides before a
 * route runs is set here, from the same configuration main.ts and the e2e tests boot with:
 *
 * - `trustProxy`: which proxies' X-Forwarded-* to believe (TRUST_PROXY; the same proxy-addr rules Express used), for
 *   `request.ip` and `request.protocol`;
 * - `bodyLimit`: BODY_LIMIT in bytes, for every body parser;
 * - the request id: the caller's `X-Request-Id` when it looks like one, else a new UUID (`request.id`; the request
 *   logger, the error envelope and the audit log read it from there);
 * - errors raised before any route exists (a request Node cannot parse, a URL that cannot be decoded) answered with
 *   the ErrorEnvelope like every other error.
 */
export function createHttpAdapter(cfg: Pick<AppConfig, 'trustProxy' | 'bodyLimit'>): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: cfg.trustProxy,
    bodyLimit: parseByteLimit(cfg.bodyLimit),
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    requestIdHeader: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // The request logger is pino-http through nestjs-pino; Fastify's own would log every request twice.
    logger: false,
  });
}
