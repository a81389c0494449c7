import { Processor } from '@nestjs/bullmq';
import type { QueueName } from './queue-names';

/** The worker options @Processor accepts (its type is not re-exported by @nestjs/bullmq). */
type NestWorkerOptions = Exclude<Parameters<typeof Processor>[1], string | undefined>;

/**
 * Declares a queue processor that only runs in processes whose APP_ROLE includes the worker (`all` or `worker`).
 *
 * Use it instead of `@Processor` on a class extending `WorkerHost`:
 *
 *     @WorkerProcessor(QUEUES.housekeeping)
 *     export class HousekeepingProcessor extends WorkerHost { async process(job: Job) { ... } }
 *
 * and list the class in its feature module's providers as usual. The worker is created stopped (`autorun: false`);
 * WorkerRunner starts it at application bootstrap when the role allows, so `APP_ROLE=api` instances never take jobs.
 */
export function WorkerProcessor(queue: QueueName, options: Omit<NestWorkerOptions, 'autorun'> = {}): ClassDecorator {
  return Processor(queue, { concurrency: 5, ...options, autorun: false });
}
