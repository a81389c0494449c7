/** Parameter names whose values are secrets (or derived from one) and must never reach a log. */
const SECRET_KEYS = new Set([
  'access_token',
  'input_token',
  'fb_exchange_token',
  'client_secret',
  'appsecret_proof',
  'code',
  'password',
  'refresh_token',
  'page_access_token',
]);

export const REDACTED = '[REDACTED]';

/** Matches `access_token=…` style pairs inside any text (URLs, batch relative_urls, form bodies). */
const PAIR_PATTERN = new RegExp(`((?:^|[?&\\s"'{,;])(?:${[...SECRET_KEYS].join('|')})"?\\s*[=:]\\s*"?)([^&\\s"',}]+)`, 'gi');

/** Meta user/page/system tokens start with EAA and are long; catch them even outside a named pair. */
const META_TOKEN_PATTERN = /\bEAA[A-Za-z0-9]{20,}\b/g;

/** Bearer/OAuth authorization header values. */
const AUTH_HEADER_PATTERN = /\b(Bearer|OAuth)\s+[A-Za-z0-9._~+/=-]+/g;

/**
 * Removes secrets from free text: named pairs, Meta-looking tokens, authorization values, and any
 * exact secret the caller knows about (e.g. the token of the current call, whatever its shape).
 */
export function redactText(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(AUTH_HEADER_PATTERN, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(PAIR_PATTERN, (_m, prefix: string) => `${prefix}${REDACTED}`)
    .replace(META_TOKEN_PATTERN, REDACTED);
}
