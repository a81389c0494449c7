import { BlockList, isIP } from 'node:net';

/** Where an endpoint may point, from configuration (outgoing-webhooks.config.ts). */
export interface TargetPolicy {
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

/**
 * Addresses a webhook must not reach in production unless allowed (SSRF: the deployment's own machine, its network,
 * the cloud's metadata service): loopback, private, carrier-grade NAT, link-local, unspecified, multicast and
 * reserved ranges, in IPv4 and IPv6 (IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry).
 */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Hostnames that name the machine itself whatever DNS says. */
const LOCAL_NAMES = /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i;

/**
 * Why an endpoint URL is refused, or null when it is acceptable: an absolute http(s) URL without credentials, https
 * unless http is allowed, and (when private targets are not allowed) not a private address literal nor a local name.
 * Names are resolved at each send (the sender's lookup refuses private answers), so DNS pointing elsewhere later is
 * caught too.
 */
export function urlProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.protocol === 'http:' && !policy.allowHttp) return 'must use https';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  if (!policy.allowPrivateTargets) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) ? isPrivateAddress(host) : LOCAL_NAMES.test(host)) return 'must not point at a private, loopback or link-local address';
  }
  return null;
}
