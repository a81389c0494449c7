import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { jobCorrelationId, withCorrelation } from '../../common/correlation/correlation';
import type { JobHandlerMethod } from './job-handler.decorator';
import { concurrencyOf, type QueueDeclaration } from './queue-declaration';

/** How long a job of a busy name waits in the queue before it is taken again, plus up to as much again at random. */
export const BUSY_RETRY_MS = 2_000;

/**
 * One job name's share of a queue's worker: at most `limit` of its jobs run at once. A job over the limit waits in
 * the process for a running one to end (the first `limit` of them: a queue with a burst of one kind, like the lead
 * jobs, keeps its next jobs at hand); any more go back to the queue as delayed for a moment, without spending an
 * attempt, so they do not hold the worker slots jobs of other names need.
 */
class Lane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly handler: JobHandlerMethod<unknown>,
    private readonly limit: number,
  ) {}

  async run(job: Job, token: string | undefined): Promise<unknown> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.limit) {
        await job.moveToDelayed(Date.now() + BUSY_RETRY_MS + Math.floor(Math.random() * BUSY_RETRY_MS), token);
        throw new DelayedError();
      }
      // The slot is handed over by the job that ends (see below), so nobody can take it in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await this.handler(job, token);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Routes the jobs of one queue to their handlers by job name, each name within its own concurrency limit. A job
 * whose name has no handler (a job left by another version) fails at once, without retries.
 */
export class JobRouter {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    readonly queue: QueueDeclaration,
    handlers: ReadonlyMap<string, JobHandlerMethod<unknown>>,
  ) {
    for (const [name, handler] of handlers) this.lanes.set(name, new Lane(handler, concurrencyOf(queue.jobs[name] ?? {})));
  }

  /** The worker's concurrency: every name may run its limit at once. */
  get concurrency(): number {
    return Object.values(this.queue.jobs).reduce((sum, job) => sum + concurrencyOf(job), 0);
  }

  route(job: Job, token?: string): Promise<unknown> {
    const lane = this.lanes.get(job.name);
    if (!lane) return Promise.reject(new UnrecoverableError(`No handler for job "${job.name}" on queue ${this.queue.name}`));
    // What the job writes (audit entries) names the job, so it can be found in Bull Board and the worker's logs.
    return withCorrelation(jobCorrelationId(this.queue.name, job.id), () => lane.run(job, token));
  }
}
