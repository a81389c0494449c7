import type { Worker } from 'bullmq';

/** The part of a BullMQ worker the ramp uses. */
export type RampedWorker = Pick<Worker, 'concurrency' | 'on'>;

/**
 * Starts a burst with a first wave of jobs instead of the full concurrency. When a BullMQ worker wakes up to a busy
 * queue, it takes jobs one Redis round trip after the other until it holds `concurrency` of them, and starts
 * processing none before it has them all: with 150 that is 150 round trips (hundreds of milliseconds while the
 * same process is still enqueuing the burst) before the first lead is read. With waves, processing starts after
 * `wave` round trips; each time the jobs allowed so far are all processing, the worker may take one wave more, up
 * to `target` (it takes the next wave while the earlier ones work), and it starts small again whenever the queue
 * runs dry.
 *
 * The processor calls `jobStarted()` when it starts a job: BullMQ's own `active` event fires when a job is taken
 * from the queue, which is exactly the part that must not count.
 */
export class ConcurrencyRamp {
  private readonly wave: number;
  private started = 0;

  constructor(
    private readonly worker: RampedWorker,
    wave: number,
    private readonly target: number,
  ) {
    this.wave = Math.max(1, Math.min(wave, target));
    worker.concurrency = this.wave;
    worker.on('drained', () => {
      this.started = 0;
      worker.concurrency = this.wave;
    });
  }

  jobStarted(): void {
    if (this.worker.concurrency >= this.target) return;
    if (++this.started >= this.worker.concurrency) this.worker.concurrency = Math.min(this.target, this.worker.concurrency + this.wave);
  }
}
