import { MetaIntegrationStatus, type HealthCheckLevel, type MetaHealthCheck } from '@legeai/contracts';
import type { GraphPause } from '../graph-breaker/graph-pause';
import { graphCallsCheck, tokenCheck, tokenExpiryCheck, worstLevel } from './health-rules';

/** What is known about the connection now, beyond the checks stored by the last health check run. */
export interface LiveConnectionFacts {
  status: MetaIntegrationStatus;
  /** Why Meta refused the token, when it did (`status_reason`). */
  statusReason: string | null;
  tokenExpiresAt: Date | null;
  dataAccessExpiresAt: Date | null;
  /** debug_token's type: a SYSTEM_USER token is named as such on the expiry line. */
  tokenType?: string | null;
  /** Set while the connection's Graph calls are paused. */
  pause: GraphPause | null;
}

/**
 * The health card as of now: the last run's checks, corrected by what has happened since. A token Meta refused after
 * that run (a lead read or a sweep noticed it and moved the connection to reauth_required) turns the token check red
 * at once, an expiry that has come turns the expiry check red, and a pause adds its own check; the overall level is
 * always the worst of what is shown, so the banner, the card and the Overview cannot disagree.
 */
export function liveHealth(
  stored: readonly MetaHealthCheck[],
  facts: LiveConnectionFacts,
  now: Date,
): { overall: HealthCheckLevel; checks: MetaHealthCheck[] } {
  const replaced = new Map<MetaHealthCheck['key'], MetaHealthCheck>();
  if (facts.status === MetaIntegrationStatus.ReauthRequired) replaced.set('token', tokenCheck(false, facts.statusReason ?? undefined));
  // Only once a run stored an expiry check: before the first run the card says no check has run yet.
  if (stored.some((check) => check.key === 'token_expiry')) {
    replaced.set('token_expiry', tokenExpiryCheck(facts.tokenExpiresAt, facts.dataAccessExpiresAt, now, facts.tokenType ?? null));
  }
  const checks = stored.map((check) => replaced.get(check.key) ?? check);
  for (const [key, check] of replaced) if (!stored.some((s) => s.key === key)) checks.unshift(check);
  if (facts.pause) checks.unshift(graphCallsCheck(facts.pause));
  return { overall: checks.length ? worstLevel(checks) : 'ok', checks };
}
