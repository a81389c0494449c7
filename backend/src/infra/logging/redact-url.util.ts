/** Query parameters whose values are credentials or one-time codes in OAuth and Graph API URLs. */
export const SENSITIVE_QUERY_PARAMS = [
  'access_token',
  'code',
  'client_secret',
  'appsecret_proof',
  'fb_exchange_token',
  'input_token',
  'state',
  'refresh_token',
  'password',
  'token',
  'api_key',
  'hub.verify_token',
] as const;

const SENSITIVE = new Set<string>(SENSITIVE_QUERY_PARAMS);
export const REDACTED = '[redacted]';

/**
 * Replaces the values of sensitive query parameters in a URL or path with `[redacted]`, keeping everything else
 * byte for byte, so logged URLs stay useful without leaking tokens.
 */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
  const hash = hashStart === -1 ? '' : url.slice(hashStart);
  const redacted = query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      return isSensitive(rawKey) && eq !== -1 ? `${rawKey}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${redacted}${hash}`;
}

function isSensitive(rawKey: string): boolean {
  let key = rawKey;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is still compared as written.
  }
  return SENSITIVE.has(key.toLowerCase());
}
