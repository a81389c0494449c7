import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { ConcurrencyRamp } from './concurrency-ramp';
import { JobRegistry } from './job-registry';
import type { JobRouter } from './job-router';
import type { QueueDeclaration } from './queue-declaration';
import { WorkerProcessor } from './worker-processor.decorator';

/**
 * The one processor of a declared queue: routes each job by name to its handler (JobRegistry), each name within its
 * own concurrency limit. The worker's concurrency is the sum of the limits, reached at once or, with `rampWave`, in
 * waves (ConcurrencyRamp). Created stopped, started by WorkerRunner in worker roles, like every @WorkerProcessor.
 */
export function queueProcessor(queue: QueueDeclaration): Type<WorkerHost> {
  @Injectable()
  @WorkerProcessor(queue.name)
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
    private router?: JobRouter;
    private ramp?: ConcurrencyRamp;

    constructor(@Inject(JobRegistry) private readonly registry: JobRegistry) {
      super();
    }

    onApplicationBootstrap(): void {
      this.router = this.registry.router(queue.name);
      const concurrency = this.router.concurrency;
      if (queue.rampWave) this.ramp = new ConcurrencyRamp(this.worker, queue.rampWave, concurrency);
      else this.worker.concurrency = concurrency;
    }

    process(job: Job, token?: string): Promise<unknown> {
      this.ramp?.jobStarted();
      return (this.router ?? this.registry.router(queue.name)).route(job, token);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${pascal(queue.name)}Processor` });
  return QueueProcessor;
}

const pascal = (name: string): string => name.replace(/(^|[-_:])(\w)/g, (_m, _sep: string, c: string) => c.toUpperCase());
