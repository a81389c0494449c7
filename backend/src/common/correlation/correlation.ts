import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What ties a piece of work to its logs: the request id (`X-Request-Id`, which the server makes or takes from the
 * caller, and every answer carries) or, in a worker, the job. Kept in async context so whatever the work writes (an audit entry) can
 * name it without each call site passing it along.
 */
interface CorrelationScope {
  /** Read when asked (a job's id is known when its scope opens, a request's too; one shape for both). */
  id(): string | undefined;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

/** Longest id kept; the request logger accepts callers' ids of up to 64 characters. */
const MAX_LENGTH = 100;

/** The correlation id of the work running now, if it runs inside a request or a job. */
export function currentCorrelationId(): string | null {
  const id = storage.getStore()?.id();
  return id ? id.slice(0, MAX_LENGTH) : null;
}

/** A Fastify hook: the rest of the request (the route's guards, pipes and handler) runs in a scope of its `request.id`. */
export function correlateRequests(request: { id: string }, _reply: unknown, done: () => void): void {
  storage.run({ id: () => request.id }, done);
}

/** The id a job's work carries: its queue and job id, as Bull Board and the worker's logs show them. */
export function jobCorrelationId(queue: string, jobId: string | undefined): string {
  return `job:${queue}:${jobId ?? 'unknown'}`;
}

/** Runs `work` (a job) under the given correlation id. */
export function withCorrelation<T>(id: string, work: () => T): T {
  return storage.run({ id: () => id }, work);
}
