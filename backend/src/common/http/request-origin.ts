/** The parts of a Fastify request the origin is read from (`protocol` and `host`, with its port, honour TRUST_PROXY). */
export interface OriginRequest {
  protocol: string;
  host?: string;
}

// A host name or IP literal with an optional port: nothing that could smuggle a path, credentials or a scheme.
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the browser used to reach us (`http://127.0.0.1:3000`), from the Host header (or X-Forwarded-Host and
 * -Proto behind a trusted proxy), or null when the header is missing or not a plain host. Used only when PUBLIC_URL
 * is unset, so a console opened at any address returns to that address.
 */
export function requestOrigin(req: OriginRequest): string | null {
  const host = req.host;
  if (!host || !HOST.test(host)) return null;
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${host.toLowerCase()}`;
}
