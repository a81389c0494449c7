import type { Job } from 'bullmq';
import type { QueueDeclaration } from './queue-declaration';

const JOB_HANDLER = 'legeai:job-handler';

/** Where a handler method belongs: its queue and job name. */
export interface JobHandlerTarget {
  queue: string;
  name: string;
}

/** What a handler gets: the job, typed by its queue's declaration, and the worker's token (to move it to delayed). */
export type JobHandlerMethod<Payload> = (job: Job<Payload>, token?: string) => Promise<unknown>;

/**
 * Declares a provider method as the handler of one job name of a queue: the queue's processor routes jobs of that
 * name to it (JobRegistry). The method's parameter is typed by the queue's declaration. At start-up the application
 * refuses to run when a declared job name has no handler or two, or when a handler names a job its queue does not
 * declare. List the class in its module's providers as usual.
 *
 *     @JobHandler(META_LEADS_QUEUE, 'reconcile-form')
 *     sweep(job: Job<ReconcileFormJobData>) { return this.reconcile.sweepForm(job.data.organisationId, job.data.leadFormId); }
 */
export function JobHandler<Payloads extends object, Name extends keyof Payloads & string>(queue: QueueDeclaration<Payloads>, name: Name) {
  return <Method extends JobHandlerMethod<Payloads[Name]>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<Method>,
  ): void => {
    Reflect.defineMetadata(JOB_HANDLER, { queue: queue.name, name } satisfies JobHandlerTarget, descriptor.value!);
  };
}

/** The queue and job name a method handles, if it is a handler. */
export function jobHandlerTarget(method: unknown): JobHandlerTarget | undefined {
  return typeof method === 'function' ? (Reflect.getMetadata(JOB_HANDLER, method) as JobHandlerTarget | undefined) : undefined;
}
