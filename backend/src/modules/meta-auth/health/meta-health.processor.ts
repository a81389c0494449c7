import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { QUEUES } from '../../../infra/queue/queue-names';
import { WorkerProcessor } from '../../../infra/queue/worker-processor.decorator';
import { META_HEALTH_JOBS } from '../../../infra/scheduler/schedules';
import { MetaHealthService } from './meta-health.service';

/** Runs the scheduled connection health check; the service decides everything. */
@WorkerProcessor(QUEUES.metaHealth, { concurrency: 1 })
export class MetaHealthProcessor extends WorkerHost {
  private readonly logger = new Logger(MetaHealthProcessor.name);

  constructor(private readonly health: MetaHealthService) {
    super();
  }

  async process(job: Job): Promise<{ checked: number; failed: number }> {
    if (job.name !== META_HEALTH_JOBS.checkAll) {
      this.logger.warn(`Unknown meta-health job "${job.name}"`);
      throw new UnrecoverableError(`Unknown meta-health job "${job.name}"`);
    }
    return this.health.checkAll();
  }
}
