import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../infra/queue/job-handler.decorator';
import { META_AUTH_JOBS, META_AUTH_QUEUE } from '../meta-auth.jobs';
import { MetaHealthService } from './meta-health.service';

/** Runs the scheduled connection health check; the service decides everything. */
@Injectable()
export class ConnectionHealthJobHandler {
  constructor(private readonly health: MetaHealthService) {}

  @JobHandler(META_AUTH_QUEUE, META_AUTH_JOBS.checkAllConnections)
  checkAll(): Promise<{ checked: number; failed: number }> {
    return this.health.checkAll();
  }
}
