import { registerAs } from '@nestjs/config';
import type { BreakerSettings } from '../infra/meta-graph/circuit-breaker';
import { currentEnv } from './load-env';

/** A worker's copy of the breakers is read again from the database after this long (META_BREAKER_REFRESH_MS). */
export interface GraphBreakerConfig extends BreakerSettings {
  refreshMs: number;
}

export const graphBreakerConfig = registerAs('graphBreaker', (): GraphBreakerConfig => {
  const { env } = currentEnv();
  return {
    threshold: env.META_BREAKER_THRESHOLD,
    windowMs: env.META_BREAKER_WINDOW_MS,
    firstWaitMs: env.META_BREAKER_FIRST_WAIT_MS,
    maxWaitMs: Math.max(env.META_BREAKER_MAX_WAIT_MS, env.META_BREAKER_FIRST_WAIT_MS),
    // A probe is one Graph read: it answers or times out within META_TIMEOUT_MS; twice that is a dead probe.
    probeLeaseMs: 2 * env.META_TIMEOUT_MS,
    // By then every worker's copy shows the probe's outcome.
    recheckMs: env.META_BREAKER_REFRESH_MS,
    refreshMs: env.META_BREAKER_REFRESH_MS,
  };
});
