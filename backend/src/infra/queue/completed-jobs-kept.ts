import type { CompletedJobsKept } from '@legeai/contracts';
import type { JobsOptions } from 'bullmq';

/**
 * What a queue's `removeOnComplete` keeps (BullMQ's KeepJobs: `true` keeps none, a number the last that many, an
 * object a count and/or an age in seconds; unset keeps every job), read from the queue's own options so that the
 * console names the window its count really covers on either queue backend. Beside the queue options that set it
 * (queue-connection.ts): what a queue keeps is a property of the queue layer, not of the module reading its counts.
 */
export function completedJobsKept(removeOnComplete: JobsOptions['removeOnComplete']): CompletedJobsKept {
  if (removeOnComplete === true) return { count: 0, ageSeconds: null };
  if (typeof removeOnComplete === 'number') return { count: removeOnComplete, ageSeconds: null };
  if (!removeOnComplete) return { count: null, ageSeconds: null };
  return { count: removeOnComplete.count ?? null, ageSeconds: 'age' in removeOnComplete ? removeOnComplete.age : null };
}
