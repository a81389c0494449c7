import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Angular's production build inlines critical CSS and loads the rest with `<link media="print"
 * onload="this.media='all'">`. That handler is the only inline script any of our pages need, so it is allowed by
 * hash ('unsafe-hashes' applies to event handler attributes only) instead of opening up 'unsafe-inline'.
 */
const ANGULAR_STYLESHEET_ONLOAD = `this.media='all'`;
const onloadHash = `'sha256-${createHash('sha256').update(ANGULAR_STYLESHEET_ONLOAD).digest('base64')}'`;

/**
 * Security headers for every response. The CSP suits the console, Swagger UI and Bull Board: scripts only from this
 * origin, inline styles allowed (Angular Material and Swagger UI set style attributes), images from data: URLs.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'unsafe-hashes'", onloadHash],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * The headers `securityHeaders()` sets, as [name, value] pairs, read from helmet itself once. Every answer carries them
 * (`installSecurityHeaders`; the fast routes write them themselves): helmet decides what they are, and they are the
 * same for every request, so they are computed once instead of by helmet's middleware per request. Helmet's
 * middleware is synchronous and only sets (and removes) headers, which is all the stand-in response records.
 */
export function securityHeaderPairs(): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  securityHeaders()({} as IncomingMessage, res as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return [...headers];
}

/** The same headers as one object, made once: for replies, and for answers written on Node's response directly. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(securityHeaderPairs());

/**
 * Headers that only take effect in a secure context: HTTPS, or a loopback host. Over plain HTTP at an address a browser
 * does not trust (a LAN address or host name, as when the console is opened from another machine) Chrome ignores them
 * and says so in the console on every page load: an error for Cross-Origin-Opener-Policy
 * (https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers), a warning for Origin-Agent-Cluster
 * (https://developer.mozilla.org/docs/Web/API/Window/originAgentCluster: origin-keying is for secure contexts only).
 */
const SECURE_CONTEXT_ONLY = new Set(['cross-origin-opener-policy', 'origin-agent-cluster']);

/** The security headers for plain HTTP at an untrusted address: the same less those it would only be told off for. */
const PLAIN_HTTP_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  securityHeaderPairs().filter(([name]) => !SECURE_CONTEXT_ONLY.has(name.toLowerCase())),
);

/**
 * Whether a browser treats the origin as potentially trustworthy, where COOP and origin-keying apply: HTTPS, or a loopback host
 * (https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy). `hostname` is without the port.
 */
export function isTrustworthyOrigin(protocol: string, hostname: string): boolean {
  if (protocol === 'https') return true;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The security headers for a page at this origin. */
export function securityHeadersFor(protocol: string, hostname: string): Readonly<Record<string, string>> {
  return isTrustworthyOrigin(protocol, hostname) ? SECURITY_HEADERS : PLAIN_HTTP_HEADERS;
}

/**
 * The same for a request handled on Node's request outside Fastify's routing (Bull Board's refusal page). The
 * forwarded protocol is read without asking whether the proxy is trusted: it only decides whether a header browsers
 * ignore on untrusted origins is sent.
 */
export function securityHeadersForNodeRequest(req: IncomingMessage): Readonly<Record<string, string>> {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : (proto ?? 'http');
  const hostname = (req.headers.host ?? '').replace(/:\d+$/, '');
  return securityHeadersFor(protocol, hostname);
}

/** Sets the security headers on every answer, at the start of each request so a route may still override one. */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(securityHeadersFor(request.protocol, request.hostname));
    done();
  });
}
