import type { HealthCheckLevel, MetaHealthCheck } from '@legeai/contracts';
import type { GraphVersionStatus } from '../../../infra/meta-graph';
import { PAUSE_HINT, pauseMessage, type GraphPause } from '../graph-breaker/graph-pause';

/** The console warns this many days before the token (or its data access window) runs out. */
export const TOKEN_EXPIRY_WARNING_DAYS = 7;
/** With forms live, this long without a webhook is worth a look (leads still arrive by the backfill). */
export const WEBHOOK_SILENCE_WARNING_DAYS = 7;

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

/** The token's own expiry and the data access window, whichever ends first. */
export function tokenExpiryCheck(expiresAt: Date | null, dataAccessExpiresAt: Date | null, now: Date): MetaHealthCheck {
  const candidates = [
    { at: expiresAt, what: 'The access token' },
    { at: dataAccessExpiresAt, what: 'Data access' },
  ].filter((c): c is { at: Date; what: string } => !!c.at);
  if (!candidates.length) return { key: 'token_expiry', level: 'ok', message: 'The access token does not expire' };
  const first = candidates.reduce((a, b) => (b.at < a.at ? b : a));
  const left = first.at.getTime() - now.getTime();
  const date = first.at.toISOString().slice(0, 10);
  if (left <= 0) {
    return {
      key: 'token_expiry',
      level: 'error',
      message: `${first.what} expired on ${date}`,
      hint: 'Reconnect the Meta account to get a new token.',
    };
  }
  if (left < TOKEN_EXPIRY_WARNING_DAYS * DAY_MS) {
    return {
      key: 'token_expiry',
      level: 'warning',
      message: `${first.what} expires in ${plural(Math.max(days(left), 0), 'day')} (${date})`,
      hint: 'Reconnect the Meta account before then; reconnecting renews the token in place.',
    };
  }
  return { key: 'token_expiry', level: 'ok', message: `${first.what} is valid until ${date}` };
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

export interface PageSubscriptionFacts {
  total: number;
  /** Pages that had lost their leadgen subscription and were subscribed again by this check. */
  resubscribed: string[];
  /** Pages that could not be subscribed, with Meta's reason. */
  failed: { page: string; reason: string }[];
}

export function pageSubscriptionsCheck(facts: PageSubscriptionFacts): MetaHealthCheck {
  if (facts.failed.length) {
    return {
      key: 'page_subscriptions',
      level: 'error',
      message: `Lead webhooks are off for ${facts.failed.map((f) => `${f.page} (${f.reason})`).join('; ')}`,
      hint: 'Make sure the connected Meta user has the Advertise task on these pages and granted pages_manage_metadata, then reconnect.',
    };
  }
  if (facts.resubscribed.length) {
    return {
      key: 'page_subscriptions',
      level: 'warning',
      message: `Lead webhook subscription was missing and has been re-created for: ${facts.resubscribed.join(', ')}`,
      hint: 'Leads sent while it was missing are fetched by the backfill; if this repeats, check the pages in Meta Business Suite.',
    };
  }
  if (!facts.total) {
    return { key: 'page_subscriptions', level: 'warning', message: 'No pages are connected', hint: 'Reconnect and select the pages that run lead ads.' };
  }
  return { key: 'page_subscriptions', level: 'ok', message: `${plural(facts.total, 'page')} subscribed to lead webhooks` };
}

export function appSubscriptionCheck(ok: boolean, callbackUrl: string, reason?: string): MetaHealthCheck {
  if (ok) return { key: 'app_subscription', level: 'ok', message: `Meta sends lead webhooks to ${callbackUrl}` };
  return {
    key: 'app_subscription',
    level: 'error',
    message: `The app's webhook subscription does not point at ${callbackUrl}${reason ? `: ${reason}` : ''}`,
    hint: 'Check that PUBLIC_URL is reachable from Meta and META_VERIFY_TOKEN matches the app dashboard, then run the check again.',
  };
}

export function leadFormsCheck(facts: { total: number; added: number; removed: number }): MetaHealthCheck {
  const changes = [facts.added && `${facts.added} new`, facts.removed && `${facts.removed} removed`].filter(Boolean).join(', ');
  if (!facts.total) {
    return {
      key: 'lead_forms',
      level: 'warning',
      message: `No lead forms on the connected pages${changes ? ` (${changes})` : ''}`,
      hint: 'Create an Instant Form on a connected page in Meta Ads Manager; it appears here at the next check.',
    };
  }
  return { key: 'lead_forms', level: 'ok', message: `${plural(facts.total, 'lead form')}${changes ? ` (${changes} since the last check)` : ''}` };
}

export function lastWebhookCheck(lastWebhookAt: Date | null, hasForms: boolean, now: Date): MetaHealthCheck {
  if (!lastWebhookAt) return { key: 'last_webhook', level: 'ok', message: 'No webhook received yet' };
  const silent = days(now.getTime() - lastWebhookAt.getTime());
  if (hasForms && silent >= WEBHOOK_SILENCE_WARNING_DAYS) {
    return {
      key: 'last_webhook',
      level: 'warning',
      message: `Last webhook received ${plural(silent, 'day')} ago`,
      hint: 'If your forms are collecting leads, check the page subscriptions and that PUBLIC_URL is reachable from Meta.',
    };
  }
  return { key: 'last_webhook', level: 'ok', message: `Last webhook received ${lastWebhookAt.toISOString()}` };
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
