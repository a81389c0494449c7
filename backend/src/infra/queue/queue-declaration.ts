/** How a job name runs in a worker process. */
export interface JobDeclaration {
  /**
   * At most this many jobs of the name run at once in one process (default 1). A job that arrives while they all
   * run waits for one of them (at most as many wait as may run); beyond that it goes back to the queue for a moment,
   * without spending an attempt, so a flood of one kind cannot hold the worker's slots the others need.
   */
  readonly concurrency?: number;
}

/**
 * A capability's queue, as its jobs file declares it: the queue's name and, for every job name it carries, how the
 * name runs. `Payloads` maps each job name to its payload type, so handlers (@JobHandler) are typed by the same
 * declaration the router and the boot check read.
 */
export interface QueueDeclaration<Payloads extends object = Record<string, unknown>> {
  readonly name: string;
  readonly jobs: { readonly [Name in keyof Payloads & string]: JobDeclaration };
  /**
   * Start a burst with waves of this many jobs (ConcurrencyRamp) instead of taking the worker's whole concurrency at
   * once; for queues whose jobs are worth starting early (the lead reads of one Graph batch).
   */
  readonly rampWave?: number;
}

/** Identity, for the type: `declareQueue<Payloads>({ ... })` checks that every job name of `Payloads` is declared. */
export function declareQueue<Payloads extends object>(declaration: QueueDeclaration<Payloads>): QueueDeclaration<Payloads> {
  return declaration;
}

/** The job names a queue declares. */
export const jobNamesOf = (queue: QueueDeclaration): string[] => Object.keys(queue.jobs);

/** A job name's in-process limit. */
export const concurrencyOf = (job: JobDeclaration): number => Math.max(1, job.concurrency ?? 1);
