import fastifyCookie from '@fastify/cookie';
import { Logger, RequestMethod } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { API_PREFIX, OPS_ROUTES } from '@legeai/contracts';
import { appConfig, servesApi } from '../../config/app.config';
import { httpConfig } from '../../config/http.config';
import { correlateRequests } from '../../common/correlation/correlation';
import { AllExceptionsFilter } from '../../common/filters/all-exceptions.filter';
import { createValidationPipe } from '../../common/validation/validation-pipe';
import { installHttpMetrics } from '../metrics/http-metrics.hooks';
import { MetricsService } from '../metrics/metrics.service';
import { registerBodyParsers } from './body-parsers';
import { serveConsole } from './console-static';
import { FastRouteRegistry, installFastRoutes } from './fast-routes';
import { HttpDrain } from './http-drain';
import { installSecurityHeaders } from './security-headers';
import { applyServerTimeouts } from './server-timeouts';
import { setupSwagger } from './swagger';
import { workerRoleGate } from './worker-role-gate';

export interface HttpSetup {
  /** Whether the console build is being served. */
  consoleServed: boolean;
  /** Stops the server gracefully; main.ts calls it first on SIGTERM, before closing the rest of the app. */
  drain: HttpDrain;
}

const OPS_EXCLUDES = [OPS_ROUTES.health, OPS_ROUTES.metrics, OPS_ROUTES.queues, `${OPS_ROUTES.queues}/{*path}`].map((path) => ({
  path: path.slice(1),
  method: RequestMethod.ALL,
}));

const API_PATH = `/${API_PREFIX}/`;

/**
 * Everything about the HTTP surface that is not a controller, shared by main.ts and the e2e tests so they exercise
 * the same stack, on the adapter http-adapter.ts makes. Must run before `app.init()` / `app.listen()`. Per-request
 * work is Fastify hooks (https://fastify.dev/docs/latest/Reference/Hooks/), in the order added here.
 */
export function configureHttp(app: NestFastifyApplication): HttpSetup {
  const cfg = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const httpCfg = app.get<ConfigType<typeof httpConfig>>(httpConfig.KEY);
  const logger = new Logger('Http');
  const fastify = app.getHttpAdapter().getInstance();
  const server = app.getHttpServer();

  applyServerTimeouts(server, httpCfg);
  const drain = new HttpDrain(server);
  app.useLogger(app.get(PinoLogger));
  // Every answer names its request (the id http-adapter.ts made or took from the caller), errors and logs too.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  installHttpMetrics(fastify, app.get(MetricsService));
  installSecurityHeaders(fastify);
  if (!servesApi(cfg.role)) {
    fastify.addHook('onRequest', workerRoleGate);
    app.useGlobalFilters(new AllExceptionsFilter());
    return { consoleServed: false, drain };
  }

  app.enableCors({
    origin: (origin, callback) => callback(null, !origin || cfg.corsOrigins.includes(origin)),
    credentials: true,
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
  // Routes registered by modules (Meta's deliveries: meta-webhook's WebhookFastRoute) are answered in front of the
  // whole stack below.
  installFastRoutes(app, app.get(FastRouteRegistry));
  // The API answers about people (contact details) and with what is true now: no browser or proxy keeps a copy. No
  // ETag either (Fastify makes none): the console never revalidates.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith(API_PATH)) void reply.header('Cache-Control', 'no-store');
    done();
  });
  registerBodyParsers(app, cfg.bodyLimit);
  // The auth routes' Set-Cookie (reply.setCookie / clearCookie, written by the plugin's onSend hook).
  void fastify.register(fastifyCookie);
  // After the body is read, whose stream callbacks would otherwise run outside the scope: audit entries made while
  // answering carry the request id the answer's X-Request-Id header has.
  fastify.addHook('preHandler', correlateRequests);
  app.setGlobalPrefix(API_PREFIX, { exclude: OPS_EXCLUDES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  // DOCS_ACCESS=off: the paths are not registered at all and answer the 404 envelope of an unknown route.
  if (httpCfg.docsAccess === 'public') setupSwagger(app, cfg.publicUrlSet ? cfg.publicUrl : undefined);
  const consoleServed = serveConsole(fastify, cfg.adminDistDir, logger);
  return { consoleServed, drain };
}
