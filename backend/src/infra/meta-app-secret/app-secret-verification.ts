import { Logger } from '@nestjs/common';
import { Counter, register } from 'prom-client';
import type { MetaConfig } from '../../config/meta.config';

/** Which configured app secret a Meta signature was made with. */
export type AppSecretUsed = 'current' | 'previous';

/** What Meta signs with the app secret and we verify: webhook deliveries and the callbacks' signed_request. */
export type SignedSurface = 'webhook' | 'signed_request';

/** The secrets a signature from Meta may be made with: META_APP_SECRET, and META_APP_SECRET_PREVIOUS in an overlap. */
export type AppSecrets = Pick<MetaConfig, 'appSecret' | 'previousAppSecret'>;

/**
 * Which secret `signedWith` (a constant-time comparison of one signature) accepts, or null for neither. Both secrets
 * are always tried, so the time a check takes does not tell a caller whether, or with which secret, it matched.
 * Only verification looks at the previous secret: what we send Meta (appsecret_proof, the OAuth code exchange, the app
 * token) uses the current one, the only one Meta knows after a reset.
 */
export function verifyWithAppSecrets(secrets: AppSecrets, signedWith: (secret: string) => boolean): AppSecretUsed | null {
  const current = signedWith(secrets.appSecret);
  const previous = secrets.previousAppSecret !== undefined && signedWith(secrets.previousAppSecret);
  if (current) return 'current';
  return previous ? 'previous' : null;
}

/** On prom-client's shared registry, like the webhook counters; reused when the module is evaluated again. */
export const previousAppSecretUses: Counter<'surface'> =
  (register.getSingleMetric('meta_app_secret_previous_used_total') as Counter<'surface'> | undefined) ??
  new Counter({
    name: 'meta_app_secret_previous_used_total',
    help: 'Meta signatures (webhook deliveries, signed_request callbacks) that verified only with META_APP_SECRET_PREVIOUS; once it stops growing for longer than Meta retries deliveries, the previous secret can go',
    labelNames: ['surface'] as const,
  });

const logger = new Logger('MetaAppSecret');

/** Counts and logs (without any secret) a signature that only the previous secret verified. */
export function notePreviousAppSecretUse(surface: SignedSurface): void {
  previousAppSecretUses.inc({ surface });
  logger.warn({ surface }, 'Meta signature verified with META_APP_SECRET_PREVIOUS, not the current app secret');
}
