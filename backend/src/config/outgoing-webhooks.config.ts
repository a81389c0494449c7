import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface OutgoingWebhooksConfig {
  /** Whether endpoint URLs may be http:// (OUTGOING_WEBHOOKS_ALLOW_HTTP, or not production, or sandbox mode). */
  allowHttp: boolean;
  /** Whether endpoints may resolve to private/loopback/link-local addresses (not production, or the setting). */
  allowPrivateTargets: boolean;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  disableAfterMs: number;
  sweepEveryMs: number;
  concurrency: number;
  rotationOverlapHours: number;
  retentionDays: number;
}

export const outgoingWebhooksConfig = registerAs('outgoingWebhooks', (): OutgoingWebhooksConfig => {
  const { env } = currentEnv();
  const production = env.NODE_ENV === 'production';
  const sandbox = !env.META_APP_ID;
  return {
    allowHttp: env.OUTGOING_WEBHOOKS_ALLOW_HTTP === 'true' || !production || sandbox,
    allowPrivateTargets: env.OUTGOING_WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true' || !production,
    timeoutMs: env.OUTGOING_WEBHOOKS_TIMEOUT_MS,
    maxAttempts: env.OUTGOING_WEBHOOKS_MAX_ATTEMPTS,
    retryBaseMs: env.OUTGOING_WEBHOOKS_RETRY_BASE_MS,
    retryMaxMs: env.OUTGOING_WEBHOOKS_RETRY_MAX_MS,
    disableAfterMs: env.OUTGOING_WEBHOOKS_DISABLE_AFTER_MS,
    sweepEveryMs: env.OUTGOING_WEBHOOKS_SWEEP_EVERY_MS,
    concurrency: env.OUTGOING_WEBHOOKS_CONCURRENCY,
    rotationOverlapHours: env.OUTGOING_WEBHOOKS_ROTATION_OVERLAP_HOURS,
    retentionDays: env.OUTGOING_WEBHOOKS_RETENTION_DAYS,
  };
});
