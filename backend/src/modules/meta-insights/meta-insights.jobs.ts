import type { JobsOptions } from 'bullmq';
import type { InsightPullTrigger } from '@legeai/contracts';
import { insightsConfig } from '../../config/insights.config';
import { declareQueue } from '../../infra/queue/queue-declaration';
import type { Schedule } from '../../infra/scheduler/schedule';

/** MetaInsights' queue: the insights pulls. */
export const META_INSIGHTS_QUEUE_NAME = 'meta-insights';

export const META_INSIGHTS_JOBS = {
  /** Scheduled: queues one pull per active ad account of every live connection, for its trigger (today or lookback). */
  pullAll: 'pull-all',
  /** One pull of one ad account (its row in meta_insight_pulls says which range and why). */
  pullAccount: 'pull-account',
} as const;

export interface PullAllJobData {
  trigger: Extract<InsightPullTrigger, 'today' | 'lookback'>;
}

export interface PullAccountJobData {
  pullId: string;
  organisationId: string;
  /** `act_…`. */
  adAccountId: string;
  /** Reports already written by this pull (`level:breakdown`), so a pull resumed after a throttle does not read them again. */
  done?: string[];
  /** How many times Meta's throttle paused this pull: each pause is twice the previous one (at most an hour). */
  throttles?: number;
}

export interface MetaInsightsJobs {
  [META_INSIGHTS_JOBS.pullAll]: PullAllJobData;
  [META_INSIGHTS_JOBS.pullAccount]: PullAccountJobData;
}

/**
 * Report runs are slow and share each account's insights budget: two pulls at a time per process, and never two of
 * the same account (the pull claims its account, see InsightPullsRepository.claim).
 */
export const META_INSIGHTS_QUEUE = declareQueue<MetaInsightsJobs>({
  name: META_INSIGHTS_QUEUE_NAME,
  jobs: {
    [META_INSIGHTS_JOBS.pullAll]: { concurrency: 1 },
    [META_INSIGHTS_JOBS.pullAccount]: { concurrency: 2 },
  },
});

/**
 * One job per pull row. The rows themselves deduplicate: a trigger finding a pull of the same account and trigger
 * not started yet widens its range instead of queueing another (InsightPullsRepository.queue). A pull paused by Meta's
 * throttle waits as delayed under the same id without spending an attempt; transient failures are retried, spaced out.
 */
export function pullAccountJobOptions(pullId: string): JobsOptions {
  return {
    jobId: `pull-${pullId}`,
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 200 },
  };
}

const scheduleOpts = { attempts: 2, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } };

export const META_INSIGHTS_SCHEDULES: readonly Schedule[] = [
  {
    // Today (and yesterday, still moving) several times a day (INSIGHTS_TODAY_CRON, UTC).
    id: 'meta-insights:refresh-today',
    queue: META_INSIGHTS_QUEUE_NAME,
    jobName: META_INSIGHTS_JOBS.pullAll,
    data: { trigger: 'today' } satisfies PullAllJobData,
    get repeat() {
      return { pattern: insightsConfig().todayEvery, tz: 'UTC' };
    },
    opts: scheduleOpts,
  },
  {
    // The last INSIGHTS_LOOKBACK_DAYS days once a day, since Meta restates them (INSIGHTS_LOOKBACK_CRON, UTC).
    id: 'meta-insights:lookback',
    queue: META_INSIGHTS_QUEUE_NAME,
    jobName: META_INSIGHTS_JOBS.pullAll,
    data: { trigger: 'lookback' } satisfies PullAllJobData,
    get repeat() {
      return { pattern: insightsConfig().lookbackEvery, tz: 'UTC' };
    },
    opts: scheduleOpts,
  },
];
