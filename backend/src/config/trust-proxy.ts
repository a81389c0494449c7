import { isIP } from 'node:net';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Fastify's `trustProxy` (https://fastify.dev/docs/latest/Reference/Server/#trustproxy; proxy-addr's rules, as
 * Express' `trust proxy`) as TRUST_PROXY spells it: `false` (believe no forwarding header), a number of proxy hops in
 * front of the app, or the addresses and subnets of the proxies. It decides what `request.ip` and `request.protocol`
 * report: the client address and scheme from
 * X-Forwarded-For / X-Forwarded-Proto, but only as told by a trusted proxy.
 */
export type TrustProxy = false | number | string[];

/**
 * proxy-addr's names for reserved ranges: loopback (127.0.0.0/8, ::1), linklocal (169.254.0.0/16,
 * fe80::/10), uniquelocal (10/8, 172.16/12, 192.168/16, fc00::/7).
 */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses TRUST_PROXY; null when the value is not one of the accepted forms. `true` is refused on purpose: the server
 * would then take the left-most X-Forwarded-For entry, which the client writes, as its address. The login rate limit
 * (per address), the session and audit records would all believe whatever a caller claims. A hop count or the
 * proxies' addresses make it read the header only as far as the proxies we run wrote it.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const trimmed = value.trim();
  if (/^(false|0)$/i.test(trimmed)) return false;
  if (/^[1-9]\d{0,1}$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed.split(',').map((entry) => entry.trim());
  return entries.length > 0 && entries.every(isProxyAddress) ? entries : null;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be false, a number of proxy hops (1 to 99), or a comma-separated list of proxy addresses or ' +
  'subnets (e.g. 10.0.0.0/8, loopback, uniquelocal); "true" is not accepted because it would believe any ' +
  "client's X-Forwarded-For";

/** Env schema check: the value parses with parseTrustProxy. */
export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxy',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== null,
        defaultMessage: () => TRUST_PROXY_MESSAGE,
      },
    },
    options,
  );
}
