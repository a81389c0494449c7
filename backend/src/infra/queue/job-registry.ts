import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { jobHandlerTarget, type JobHandlerMethod } from './job-handler.decorator';
import { JobRouter } from './job-router';
import { jobNamesOf, type QueueDeclaration } from './queue-declaration';

/** The queue declarations of the application (app.queues.ts), handed to QueueModule.forRoot. */
export const QUEUE_DECLARATIONS = Symbol('QUEUE_DECLARATIONS');

/** A handler as found among the providers: where it belongs, who declares it, and the bound method. */
export interface FoundJobHandler {
  queue: string;
  name: string;
  /** `Class.method`, for the error messages. */
  owner: string;
  handle: JobHandlerMethod<unknown>;
}

/**
 * What is wrong between the declared queues and the handlers found: a declared job name without a handler or with
 * more than one, a handler of a job name its queue does not declare, or of a queue nobody declares.
 */
export function jobHandlerProblems(
  queues: readonly QueueDeclaration[],
  handlers: readonly Pick<FoundJobHandler, 'queue' | 'name' | 'owner'>[],
): string[] {
  const problems: string[] = [];
  for (const queue of queues) {
    for (const name of jobNamesOf(queue)) {
      const owners = handlers.filter((h) => h.queue === queue.name && h.name === name).map((h) => h.owner);
      if (owners.length === 0) problems.push(`job "${name}" of queue ${queue.name} has no handler`);
      if (owners.length > 1) problems.push(`job "${name}" of queue ${queue.name} has ${owners.length} handlers (${owners.join(', ')})`);
    }
  }
  for (const handler of handlers) {
    const queue = queues.find((q) => q.name === handler.queue);
    if (!queue) problems.push(`${handler.owner} handles "${handler.name}" of queue ${handler.queue}, which is not declared`);
    else if (!(handler.name in queue.jobs))
      problems.push(`${handler.owner} handles "${handler.name}", which queue ${handler.queue} does not declare`);
  }
  return problems;
}

/**
 * Finds every @JobHandler method among the application's providers when the queue module initialises (providers
 * exist by then; no hook has run), checks them against the declared queues, and refuses to start on any problem
 * (jobHandlerProblems): a job name nobody handles would pile up, one handled twice would run in one place only by
 * chance. Then builds one JobRouter per queue for its processor.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly routers = new Map<string, JobRouter>();

  constructor(
    @Inject(QUEUE_DECLARATIONS) private readonly queues: readonly QueueDeclaration[],
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const handlers = this.discover();
    const problems = jobHandlerProblems(this.queues, handlers);
    if (problems.length) throw new Error(`Queue jobs and their handlers do not match: ${problems.join('; ')}`);
    for (const queue of this.queues) {
      const own = new Map(handlers.filter((h) => h.queue === queue.name).map((h) => [h.name, h.handle]));
      this.routers.set(queue.name, new JobRouter(queue, own));
    }
  }

  router(queue: string): JobRouter {
    const router = this.routers.get(queue);
    if (!router) throw new Error(`Queue ${queue} is not declared`);
    return router;
  }

  private discover(): FoundJobHandler[] {
    const found: FoundJobHandler[] = [];
    // An instance reached under two tokens (useExisting) is one handler, not two.
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = jobHandlerTarget(instance[method]);
        if (!target) continue;
        const fn = instance[method] as JobHandlerMethod<unknown>;
        found.push({ ...target, owner: `${instance.constructor.name}.${method}`, handle: fn.bind(instance) });
      }
    }
    return found;
  }
}
