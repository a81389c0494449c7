import type { MetaHealthCheck } from '@legeai/contracts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

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
    return {
      key: 'page_subscriptions',
      level: 'warning',
      message: 'No pages are connected',
      hint: 'Reconnect and select the pages that run lead ads.',
    };
  }
  return { key: 'page_subscriptions', level: 'ok', message: `${plural(facts.total, 'page')} subscribed to lead webhooks` };
}

export function appSubscriptionCheck(ok: boolean, callbackUrl: string, reason?: string, elsewhere?: string): MetaHealthCheck {
  if (ok) return { key: 'app_subscription', level: 'ok', message: `Meta sends lead webhooks to ${callbackUrl}` };
  if (elsewhere) {
    return {
      key: 'app_subscription',
      level: 'error',
      message: `Meta sends this app's lead webhooks to ${elsewhere}, not to this deployment (${callbackUrl})`,
      hint:
        'Another deployment using the same Meta app (or an edit in the App Dashboard) took the webhook. Give each deployment its own Meta app, ' +
        `or set the callback URL to ${callbackUrl} in App Dashboard → Webhooks → Page (reconnecting here also does it). Leads sent meanwhile are fetched by the backfill.`,
      helpUrl: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started',
    };
  }
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
  return {
    key: 'lead_forms',
    level: 'ok',
    message: `${plural(facts.total, 'lead form')}${changes ? ` (${changes} since the last check)` : ''}`,
  };
}
