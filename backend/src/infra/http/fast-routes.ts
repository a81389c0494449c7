import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RETRY_AFTER_SECONDS } from '../../common/errors/dependency-unavailable';
import { securityHeaderPairs } from './security-headers';

/**
 * A route answered by a plain `node:http` handler in front of Fastify and Nest. Only for hot, machine-to-machine
 * endpoints whose whole job is small (Meta's webhook deliveries): they skip the per-request cost of the framework
 * (request logger, hooks, CORS, body parsers, router, guards, filters), so the handler must do itself whatever of
 * that its route needs. `fallback()` hands the request to Fastify unchanged.
 */
export interface FastRoute {
  method: string;
  /** The path, without query string; with a trailing slash it is the same route. Any other spelling goes to Fastify. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, fallback: () => void): void;
}

/**
 * The fast routes of the application. A module registers its route when it initialises (onModuleInit), and the
 * server looks routes up per request, so registration may happen after `configureHttp` installed the dispatcher
 * (which runs before `app.init()`); no request arrives before `app.listen()`. Keeps infra/http free of the modules
 * whose routes it serves.
 */
@Injectable()
export class FastRouteRegistry {
  private readonly routes: FastRoute[] = [];

  register(route: FastRoute): void {
    if (this.routes.some((r) => r.method === route.method && r.path === route.path)) {
      throw new Error(`Two fast routes for ${route.method} ${route.path}`);
    }
    this.routes.push(route);
  }

  /** The route for this method and path (a trailing slash ignored), if any. */
  find(method: string | undefined, path: string): FastRoute | undefined {
    const exact = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    return this.routes.find((r) => r.method === method && r.path === exact);
  }
}

/**
 * Puts the registry's routes in front of Fastify on the app's own HTTP server, the one `app.listen()` starts and
 * `app.getHttpServer()` returns, so production and the e2e tests (supertest on that server) run the same path.
 * Call before `app.listen()` / `app.init()`.
 */
export function installFastRoutes(app: NestFastifyApplication, routes: FastRouteRegistry): void {
  const server = app.getHttpServer();
  const listeners = server.listeners('request');
  // Fastify creates its server with its request handler as the one listener; anything else is unexpected.
  if (listeners.length !== 1) throw new Error('Unexpected HTTP server setup: cannot install the fast routes');
  const framework = listeners[0] as (req: IncomingMessage, res: ServerResponse) => void;
  server.removeListener('request', framework);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const route = routes.find(req.method, pathOf(req.url));
    if (route) route.handle(req, res, () => framework(req, res));
    else framework(req, res);
  });
}

const pathOf = (url: string | undefined): string => {
  if (!url) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * The CSP of a JSON answer: the response is data, never a document, so nothing may be loaded from it or frame it.
 * Stricter than the console's, which every other route sends.
 */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers for a JSON answer from a fast route: the security headers every other route gets from helmet (read from
 * helmet itself, so a header added there reaches these routes too; Referrer-Policy was once missing here), with the
 * CSP above, and never cached. A flat [name, value, ...] list: written as is, without the per-header normalisation
 * of an object.
 */
const JSON_HEADERS: readonly string[] = [
  'Content-Type',
  'application/json; charset=utf-8',
  'Cache-Control',
  'no-store',
  ...securityHeaderPairs().flatMap(([name, value]) => [name, name.toLowerCase() === 'content-security-policy' ? JSON_CSP : value]),
];

/** A 503 (the database cannot be reached) tells the client when to try again, as the exception filter's does. */
const RETRY_AFTER: readonly string[] = ['Retry-After', String(RETRY_AFTER_SECONDS)];

export function writeJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const json = JSON.stringify(body);
  const headers = [...JSON_HEADERS, 'Content-Length', String(Buffer.byteLength(json)), 'X-Request-Id', requestId];
  res.writeHead(status, status === 503 ? headers.concat(RETRY_AFTER) : headers);
  res.end(json);
}

/** As the request logger does for the other routes: the caller's X-Request-Id when it looks like one, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

export type BodyRead = { body: Buffer } | { tooLarge: true };

/**
 * Reads the whole body, keeping at most `limit` bytes. A body over the limit (declared or counted) is still read off
 * the connection, so the client sees the 413 instead of a reset; nothing of it is kept.
 * An aborted request never calls `done`: there is nobody to answer.
 */
export function readBody(req: IncomingMessage, limit: number, done: (read: BodyRead) => void): void {
  let tooLarge = Number(req.headers['content-length']) > limit;
  let size = 0;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
    } else chunks.push(chunk);
  });
  req.on('end', () => done(tooLarge ? { tooLarge: true } : { body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
  req.on('error', () => undefined);
}

/** `BODY_LIMIT` (`512kb`, `1mb`, validated by the env schema) in bytes, in multiples of 1024. */
export function parseByteLimit(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`Not a byte size: ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[match[2].toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}
