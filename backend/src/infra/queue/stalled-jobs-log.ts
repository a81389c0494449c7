import { Logger } from '@nestjs/common';

/** Job ids named in one log line; the count says how many there were in all. */
const IDS_PER_LINE = 100;

/**
 * Logs the jobs a worker's stalled-job check recovered: jobs that were active under a lock nobody renewed (the worker
 * holding them died, or its event loop was blocked past the lock duration), moved back to waiting to run again.
 * BullMQ emits one `stalled` event per job, all in the same turn of the event loop after one check, so they are
 * gathered and written as one line per queue and check, which names the jobs: a dead worker's 150 jobs are one line.
 */
export class StalledJobsLog {
  private readonly pending = new Map<string, string[]>();
  private flushing = false;

  constructor(private readonly logger: Logger) {}

  /** For the worker's `stalled` event (jobId, the state it was in). */
  recovered(queue: string, jobId: string): void {
    const ids = this.pending.get(queue) ?? [];
    ids.push(jobId);
    this.pending.set(queue, ids);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = false;
    for (const [queue, jobIds] of this.pending) {
      this.logger.warn(
        { queue, count: jobIds.length, jobIds: jobIds.slice(0, IDS_PER_LINE) },
        `Recovered ${jobIds.length} stalled job(s) of queue ${queue}: their worker stopped renewing their locks (it died or was blocked); they run again`,
      );
    }
    this.pending.clear();
  }
}
