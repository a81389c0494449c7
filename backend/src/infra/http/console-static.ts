import { Logger } from '@nestjs/common';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, OPS_ROUTES } from '@legeai/contracts';
import { labelRoute } from '../metrics/http-metrics.hooks';

/** Paths that belong to the server, never to the console's client-side router. */
const SERVER_PATHS = [`/${API_PREFIX}`, ...Object.values(OPS_ROUTES)];

const isServerPath = (path: string) => SERVER_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/** Hashed bundles may be cached for an hour; index.html is revalidated so a new build is picked up. */
const ASSET_MAX_AGE_MS = 3_600_000;

/**
 * Serves the console's production build from `dir`, with index.html for unknown GETs so deep links work
 * (SPA fallback). API and operational paths are never answered with the console: they go on to the API's 404
 * envelope, as do missing files with an extension (a stale asset URL). One catch-all route: Fastify's router picks
 * every more specific route (the API's, Swagger's, Bull Board's) first, so API requests never touch the file system.
 * Returns whether the console is served.
 */
export function serveConsole(fastify: FastifyInstance, dir: string, logger: Logger): boolean {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn(`Console build not found at ${dir}: serving the API only (build it with "npm run build:admin")`);
    return false;
  }
  // `serve: false`: only reply.sendFile, from this root (path traversal refused by @fastify/send), no routes of its own.
  void fastify.register(fastifyStatic, { root: dir, serve: false, index: false, maxAge: ASSET_MAX_AGE_MS });
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (isServerPath(path)) return reply.callNotFound();
    labelRoute(request, 'console');
    if (/\.[a-z0-9]+$/i.test(path)) return reply.sendFile(path.slice(1));
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
  return true;
}
