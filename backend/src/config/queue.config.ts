import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface QueueConfig {
  /** Redis when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend on the application database. */
  backend: 'redis' | 'postgres';
  redisUrl?: string;
  prefix: string;
  /** A running job's lock (QUEUE_LOCK_DURATION_MS); a dead worker's jobs are retaken after it expires. */
  lockDurationMs: number;
  /** Period of the check for jobs whose worker died (QUEUE_STALLED_INTERVAL_MS). */
  stalledIntervalMs: number;
}

export const queueConfig = registerAs('queue', (): QueueConfig => {
  const { env } = currentEnv();
  return {
    backend: env.REDIS_URL ? 'redis' : 'postgres',
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
    lockDurationMs: env.QUEUE_LOCK_DURATION_MS,
    stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
  };
});
