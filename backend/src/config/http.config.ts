import { registerAs } from '@nestjs/config';
import { DocsAccess, EnvSchema, MetricsAccess } from './env.schema';
import { currentEnv } from './load-env';

export interface HttpConfig {
  /** A request's headers must arrive within this (HTTP_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** A whole request, headers and body, must arrive within this (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  metricsAccess: MetricsAccess;
  /** The bearer token /metrics wants when `metricsAccess` is `token`. */
  metricsToken?: string;
  docsAccess: DocsAccess;
}

export const httpConfig = registerAs('http', (): HttpConfig => {
  const { env } = currentEnv();
  return {
    headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    metricsAccess: metricsAccessOf(env),
    metricsToken: env.METRICS_TOKEN,
    docsAccess: env.DOCS_ACCESS,
  };
});

/**
 * /metrics shows queue depths, route timings and process facts: fine on a developer's machine, not for the public
 * internet. Unless METRICS_ACCESS says otherwise, a configured token is required, and production closes it.
 */
export function metricsAccessOf(env: Pick<EnvSchema, 'METRICS_ACCESS' | 'METRICS_TOKEN' | 'NODE_ENV'>): MetricsAccess {
  if (env.METRICS_ACCESS) return env.METRICS_ACCESS;
  if (env.METRICS_TOKEN) return 'token';
  return env.NODE_ENV === 'production' ? 'off' : 'public';
}
