import { Processor } from '@nestjs/bullmq';

/** The worker options @Processor accepts (its type is not re-exported by @nestjs/bullmq). */
type NestWorkerOptions = Exclude<Parameters<typeof Processor>[1], string | undefined>;

/**
 * Declares a queue processor that only runs in processes whose APP_ROLE includes the worker (`all` or `worker`):
 * `@Processor` with the worker created stopped (`autorun: false`); WorkerRunner starts it at application bootstrap
 * when the role allows, so `APP_ROLE=api` instances never take jobs. Every declared queue gets its processor from
 * `queueProcessor` (queue-processor.ts), which uses this; features write job handlers (@JobHandler), not processors.
 */
export function WorkerProcessor(queue: string, options: Omit<NestWorkerOptions, 'autorun'> = {}): ClassDecorator {
  return Processor(queue, { concurrency: 5, ...options, autorun: false });
}
