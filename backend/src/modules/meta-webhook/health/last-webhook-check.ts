import type { MetaHealthCheck } from '@legeai/contracts';
import { checkMoment } from '../../../common/time/readable-utc';

/** With forms live, this long without a webhook is worth a look (leads still arrive by the backfill). */
export const WEBHOOK_SILENCE_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;
const days = (ms: number): number => Math.floor(ms / DAY_MS);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

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
  // "5 Dec 2026, 13:27 UTC" for API readers, like the token's date; the console shows `at` in its reader's zone.
  const moment = checkMoment(lastWebhookAt);
  return { key: 'last_webhook', level: 'ok', message: `Last webhook received ${moment.atText}`, ...moment };
}
