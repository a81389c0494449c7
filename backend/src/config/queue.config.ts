import { registerAs } from '@nestjs/config';
import { currentEnv } from './load-env';

export interface QueueConfig {
  /** Redis when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend on the application database. */
  backend: 'redis' | 'postgres';
  redisUrl?: string;
  prefix: string;
}

export const queueConfig = registerAs('queue', (): QueueConfig => {
  const { env } = currentEnv();
  return {
    backend: env.REDIS_URL ? 'redis' : 'postgres',
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
  };
});
