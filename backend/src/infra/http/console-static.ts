import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, OPS_ROUTES } from '@legeai/contracts';

/** Paths that belong to the server, never to the console's client-side router. */
const SERVER_PATHS = [`/${API_PREFIX}`, ...Object.values(OPS_ROUTES)];

const isServerPath = (path: string) => SERVER_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Serves the console's production build from `dir`, with index.html for unknown GETs so deep links work
 * (SPA fallback). API and operational paths are never answered with the console; missing files with an extension
 * (a stale asset URL) stay 404. Returns whether the console is served.
 */
export function serveConsole(app: NestExpressApplication, dir: string, logger: Logger): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(`Console build not found at ${dir}: serving the API only (build it with "npm run build:admin")`);
    return false;
  }
  // API and operational requests skip the file lookup: a stat of a file that cannot exist cost every API request
  // about 0.25 ms of CPU and a trip through libuv's thread pool.
  const assets = express.static(dir, { index: false, maxAge: '1h', setHeaders: noCacheForIndex });
  app.use((req: Request, res: Response, next: NextFunction): void => {
    if (isServerPath(req.path)) next();
    else void assets(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path) || /\.[a-z0-9]+$/i.test(req.path)) {
      return next();
    }
    res.locals.metricsRoute = 'console';
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

/** Hashed bundles can be cached; index.html must be revalidated so a new build is picked up. */
function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
