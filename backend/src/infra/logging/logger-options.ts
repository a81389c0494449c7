import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { OPS_ROUTES } from '@legeai/contracts';
import type { LogFormat } from '../../config/env.schema';
import { REDACTED, redactUrl, SENSITIVE_QUERY_PARAMS } from './redact-url.util';

/** Object keys whose values are never logged, wherever they appear (one level below the log root). */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'secret',
  'appSecret',
  'client_secret',
  'jwtSecret',
  'apiKey',
  'key',
  'authorization',
  'cookie',
];

/** pino redaction paths: credentials in headers, query strings and any logged object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_QUERY_PARAMS.map((p) => `req.query["${p}"]`),
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
];

const QUIET_PATHS = new Set<string>([OPS_ROUTES.health, OPS_ROUTES.metrics]);

/** pino's view of a request, with the request itself as `raw`. */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
  headers?: Record<string, unknown>;
  raw?: { ip?: string };
}

/**
 * pino-pretty's options for a terminal: time, level, the Nest context and the message on one line, a request's
 * method, URL, status and time after it; anything else a line carries (an error's stack) below it.
 */
export const PRETTY_OPTIONS = {
  colorize: true,
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,context,req,res,responseTime',
  messageFormat: '{if context}[{context}] {end}{msg}{if req.method}: {req.method} {req.url} {res.statusCode} in {responseTime} ms{end}',
};

/** Logs for the whole app, JSON or pretty; the request logger skips health and metrics scrapes. */
export function buildLoggerParams(level: string, format: LogFormat = 'json'): Params {
  const pinoHttp: Options = {
    level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    // Fastify made the id (http-adapter.ts) and sent it as X-Request-Id; Nest's middleware layer copies it to the
    // raw request. A request without one (none reaches here today) still gets an id of its own.
    genReqId: (req: IncomingMessage) => req.id ?? randomUUID(),
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    // A request line says who asked what and how it went; the headers stay out (about 2 KB a line, the same security
    // headers on every answer, and credentials that redaction would have to catch). X-Request-Id ties the line to
    // the audit log and the answer.
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        url: req.url ? redactUrl(req.url) : req.url,
        // The client behind the proxies TRUST_PROXY believes (Fastify's request.ip, copied to the raw request), as the
        // audit log has it; else the peer.
        remoteAddress: req.raw?.ip ?? req.remoteAddress,
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode?: number; headers?: Record<string, unknown> }) => ({
        statusCode: res.statusCode,
        contentLength: res.headers?.['content-length'],
      }),
    },
  };
  // Formatted in a worker thread (pino's transport), off the event loop that answers requests.
  if (format === 'pretty') pinoHttp.transport = { target: 'pino-pretty', options: PRETTY_OPTIONS };
  // Nest 11's path syntax: nestjs-pino's default route ('*') is converted at boot with a warning on every start.
  return { pinoHttp, forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
}
