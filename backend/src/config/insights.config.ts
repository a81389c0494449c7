import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

/** Meta keeps about 37 months of insights (https://developers.facebook.com/docs/marketing-api/insights/). */
export const MAX_INSIGHTS_BACKFILL_DAYS = 1110;

export interface InsightsConfig {
  /** Cron pattern (UTC) of the refresh of today (and yesterday) of every connected ad account (INSIGHTS_TODAY_CRON). */
  todayEvery: string;
  /** Cron pattern (UTC) of the daily re-pull of the lookback window (INSIGHTS_LOOKBACK_CRON). */
  lookbackEvery: string;
  /** Days re-read by the lookback pull and by an on-demand pull without a range: Meta restates up to 28. */
  lookbackDays: number;
  /** Days read when an ad account connects. */
  backfillDays: number;
  /** A range longer than this many days is read through an async report run instead of a sync read. */
  asyncAboveDays: number;
  /** First wait between two polls of a report run; it grows to 30 s. */
  reportPollMs: number;
  /** A report run not completed after this long is treated as failed (and its range split). */
  reportTimeoutMs: number;
  /** `x-fb-ads-insights-throttle` at or above this percentage pauses the pull before Meta refuses it. */
  throttlePausePct: number;
}

export const insightsConfig = registerAs('insights', (): InsightsConfig => {
  const { env } = currentEnv();
  return {
    todayEvery: env.INSIGHTS_TODAY_CRON,
    lookbackEvery: env.INSIGHTS_LOOKBACK_CRON,
    lookbackDays: env.INSIGHTS_LOOKBACK_DAYS,
    backfillDays: env.INSIGHTS_BACKFILL_DAYS,
    asyncAboveDays: env.INSIGHTS_ASYNC_ABOVE_DAYS,
    reportPollMs: env.INSIGHTS_REPORT_POLL_MS,
    reportTimeoutMs: env.INSIGHTS_REPORT_TIMEOUT_MS,
    throttlePausePct: env.INSIGHTS_THROTTLE_PAUSE_PCT,
  };
});
