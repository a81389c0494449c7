import type { HealthCheckLevel, MetaHealthCheck } from '@legeai/contracts';
import { checkMoment } from '../../../common/time/readable-utc';
import type { GraphVersionStatus } from '../../../infra/meta-graph';
import { PAUSE_HINT, pauseMessage, type GraphPause } from '../graph-breaker/graph-pause';

/** The console warns this many days before the token (or its data access window) runs out. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;
const RANK: Record<HealthCheckLevel, number> = { ok: 0, warning: 1, error: 2 };

export const worstLevel = (checks: readonly MetaHealthCheck[]): HealthCheckLevel =>
  checks.reduce<HealthCheckLevel>((worst, check) => (RANK[check.level] > RANK[worst] ? check.level : worst), 'ok');

const days = (ms: number): number => Math.floor(ms / DAY_MS);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function tokenCheck(valid: boolean, reason?: string): MetaHealthCheck {
  if (valid) return { key: 'token', level: 'ok', message: 'Meta accepts the access token' };
  return {
    key: 'token',
    level: 'error',
    message: `Meta no longer accepts the access token${reason ? `: ${reason}` : ''}. Syncs are paused.`,
    hint: 'Reconnect the Meta account (Integrations → Meta → Reconnect) to resume syncing.',
  };
}

/**
 * The token's own expiry and the data access window, whichever ends first. A business integration system user token
 * (`tokenType` SYSTEM_USER) is named as such: it speaks for the business and, when its configuration says so, never
 * expires, so there is nothing to renew.
 */
export function tokenExpiryCheck(
  expiresAt: Date | null,
  dataAccessExpiresAt: Date | null,
  now: Date,
  tokenType: string | null = null,
): MetaHealthCheck {
  const systemUser = tokenType === 'SYSTEM_USER';
  const token = systemUser ? 'The system user token' : 'The access token';
  const candidates = [
    { at: expiresAt, what: token },
    { at: dataAccessExpiresAt, what: 'Data access' },
  ].filter((c): c is { at: Date; what: string } => !!c.at);
  if (!candidates.length) {
    return {
      key: 'token_expiry',
      level: 'ok',
      message: systemUser ? 'The system user token does not expire' : 'The access token does not expire',
    };
  }
  const first = candidates.reduce((a, b) => (b.at < a.at ? b : a));
  const left = first.at.getTime() - now.getTime();
  // "30 Jan 2027, 14:05 UTC" for API readers, not an ISO string; the console shows `at` in its reader's zone.
  const at = checkMoment(first.at);
  const date = at.atText;
  if (left <= 0) {
    return {
      key: 'token_expiry',
      level: 'error',
      message: `${first.what} expired on ${date}`,
      hint: 'Reconnect the Meta account to get a new token.',
      ...at,
    };
  }
  if (left < TOKEN_EXPIRY_WARNING_DAYS * DAY_MS) {
    return {
      key: 'token_expiry',
      level: 'warning',
      message: `${first.what} expires in ${plural(Math.max(days(left), 0), 'day')} (${date})`,
      hint: 'Reconnect the Meta account before then; reconnecting renews the token in place.',
      ...at,
    };
  }
  return { key: 'token_expiry', level: 'ok', message: `${first.what} is valid until ${date}`, ...at };
}

export function permissionsCheck(missing: readonly string[]): MetaHealthCheck {
  if (!missing.length) return { key: 'permissions', level: 'ok', message: 'Every required permission is granted' };
  return {
    key: 'permissions',
    level: 'error',
    message: `Missing permission${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
    hint: `Reconnect and keep ${missing.join(', ')} ticked on Meta's consent screen.`,
  };
}

/**
 * Required permissions Meta never offered in the dialog (neither granted nor declined in `/me/permissions`): the app has
 * only Standard Access to them, which people without a role on the app cannot grant; App Review gives Advanced Access.
 */
export function permissionAccessCheck(notOffered: readonly string[]): MetaHealthCheck {
  const list = notOffered.join(', ');
  return {
    key: 'permission_access',
    level: 'error',
    message: `Meta did not offer ${list} on the consent screen: the app does not have Advanced Access to ${notOffered.length === 1 ? 'it' : 'them'}`,
    hint: `Request Advanced Access for ${list} in App Review (App Dashboard → App Review → Permissions and Features), then reconnect. Until then only people with a role on the app can grant ${notOffered.length === 1 ? 'it' : 'them'}.`,
    helpUrl: 'https://developers.facebook.com/docs/graph-api/overview/access-levels',
  };
}

export function apiVersionCheck(status: GraphVersionStatus): MetaHealthCheck {
  switch (status.state) {
    case 'sunset':
      return {
        key: 'api_version',
        level: 'error',
        message: `Graph API ${status.version} is past its Marketing API sunset${status.sunsetDate ? ` (${status.sunsetDate})` : ''}`,
        hint: 'Set META_API_VERSION to a current version and restart.',
      };
    case 'near_sunset':
      return {
        key: 'api_version',
        level: 'warning',
        message: `Graph API ${status.version} reaches its sunset in ${plural(status.daysLeft ?? 0, 'day')} (${status.sunsetDate})`,
        hint: 'Plan an upgrade of META_API_VERSION before the sunset date.',
      };
    case 'unknown':
      return { key: 'api_version', level: 'ok', message: `Graph API ${status.version} (no sunset announced)` };
    default:
      return {
        key: 'api_version',
        level: 'ok',
        message: `Graph API ${status.version}${status.sunsetDate ? `, supported until ${status.sunsetDate}` : ''}`,
      };
  }
}

/**
 * Live, not stored with the other checks: while the circuit breaker holds the connection's Graph calls. A warning,
 * not an error: nothing is lost and it ends by itself when Meta answers a probe.
 */
export function graphCallsCheck(pause: GraphPause): MetaHealthCheck {
  return { key: 'graph_calls', level: 'warning', message: pauseMessage(pause), hint: PAUSE_HINT };
}
