import { Logger, RequestMethod } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { API_PREFIX, OPS_ROUTES, ROUTES } from '@legeai/contracts';
import { appConfig, servesApi } from '../../config/app.config';
import { httpConfig } from '../../config/http.config';
import { correlateRequests } from '../../common/correlation/correlation';
import { AllExceptionsFilter } from '../../common/filters/all-exceptions.filter';
import { createValidationPipe } from '../../common/validation/validation-pipe';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsService } from '../metrics/metrics.service';
import { bodyParserErrors } from './body-parser-errors';
import { answerClientErrors } from './client-errors';
import { serveConsole } from './console-static';
import { FastRouteRegistry, installFastRoutes } from './fast-routes';
import { HttpDrain } from './http-drain';
import { securityHeaders } from './security-headers';
import { applyServerTimeouts } from './server-timeouts';
import { setupSwagger } from './swagger';
import { webhookRawBody } from './webhook-raw-body';
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

/**
 * Everything about the HTTP surface that is not a controller, shared by main.ts and the e2e tests so they exercise
 * the same stack. Must run before `app.init()` / `app.listen()`; the order of the middleware matters.
 */
export function configureHttp(app: NestExpressApplication): HttpSetup {
  const cfg = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  const httpCfg = app.get<ConfigType<typeof httpConfig>>(httpConfig.KEY);
  const logger = new Logger('Http');
  const server = app.getHttpServer();

  // Before anything reads req.ip or req.secure: which proxies' X-Forwarded-* to believe (TRUST_PROXY).
  app.set('trust proxy', cfg.trustProxy);
  applyServerTimeouts(server, httpCfg);
  answerClientErrors(server);
  const drain = new HttpDrain(server);
  app.useLogger(app.get(PinoLogger));
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.use(securityHeaders());
  if (!servesApi(cfg.role)) {
    app.use(workerRoleGate);
    app.useGlobalFilters(new AllExceptionsFilter());
    return { consoleServed: false, drain };
  }

  app.enableCors({
    origin: (origin, callback) => callback(null, !origin || cfg.corsOrigins.includes(origin)),
    credentials: true,
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });
  const webhookPath = `/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.webhook}`;
  // Routes registered by modules (Meta's deliveries: meta-webhook's WebhookFastRoute) are answered in front of the
  // whole stack below; the raw-body parser stays for the spellings the fast route hands on to Express (trailing
  // slash, compressed bodies).
  installFastRoutes(app, app.get(FastRouteRegistry));
  // The API answers about people (contact details) and with what is true now: no browser or proxy keeps a copy, and
  // no ETag, whose hash of every JSON body was compared with nothing (the console never revalidates).
  app.set('etag', false);
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(webhookPath, ...webhookRawBody(cfg.bodyLimit));
  app.useBodyParser('json', { limit: cfg.bodyLimit });
  app.useBodyParser('urlencoded', { limit: cfg.bodyLimit, extended: true });
  // CSV imports (the catalog's products) come as text/csv, bounded like every body.
  app.useBodyParser('text', { type: 'text/csv', limit: cfg.bodyLimit });
  app.use(bodyParserErrors);
  // After the body parsers, whose stream callbacks would otherwise run outside the scope: audit entries made while
  // answering carry the request id the answer's X-Request-Id header has.
  app.use(correlateRequests);
  app.setGlobalPrefix(API_PREFIX, { exclude: OPS_EXCLUDES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  // DOCS_ACCESS=off: the paths are not registered at all and answer the 404 envelope of an unknown route.
  if (httpCfg.docsAccess === 'public') setupSwagger(app, cfg.publicUrlSet ? cfg.publicUrl : undefined);
  const consoleServed = serveConsole(app, cfg.adminDistDir, logger);
  return { consoleServed, drain };
}
