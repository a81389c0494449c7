/**
 * Field names whose values are secrets, compared without case: none of them may reach an audit entry, whether in
 * its facts or in a before/after. Call sites are written not to pass them; this is the net under that.
 */
const SECRET_NAME = /(password|secret|token|ciphertext|hash|cookie|authorization|apikey|^key$|privatekey)/i;
/** Names that contain a secret's word but only describe one. */
const NOT_SECRET = /^(tokenType|tokenExpiresAt|tokenStored|accessTokenKeyId|sessionId)$/i;

export function isSecretName(key: string): boolean {
  return SECRET_NAME.test(key) && !NOT_SECRET.test(key);
}

/** A copy of `value` without its secret-named fields, at any depth. */
export function withoutSecrets<T>(value: T, depth = 0): T {
  if (depth > 20 || value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutSecrets(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (!isSecretName(key)) copy[key] = withoutSecrets(inner, depth + 1);
  }
  return copy as T;
}
