import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { queueConfig } from '../../config/queue.config';
import { AppQueues } from '../queue/app-queues';

/**
 * The queue backend answers a real round trip: job counts come from Redis, or from the `bullmq` schema in
 * PostgreSQL, depending on the backend in use.
 */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly queues: AppQueues,
    @Inject(queueConfig.KEY) private readonly cfg: ConfigType<typeof queueConfig>,
  ) {}

  async check(key: string, timeoutMs = 3000) {
    const session = this.indicator.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      // Any queue will do: they all live in the same backend.
      await Promise.race([this.queues.get(this.queues.names()[0]).getJobCounts('waiting'), timeout]);
      return session.up({ backend: this.cfg.backend });
    } catch (error) {
      return session.down({ backend: this.cfg.backend, message: error instanceof Error ? error.message : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
