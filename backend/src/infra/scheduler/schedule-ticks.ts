import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { JobHandler } from '../queue/job-handler.decorator';
import { declareQueue } from '../queue/queue-declaration';
import { Schedule, SCHEDULES } from './schedule';

/** A tick of a schedule: which schedule came due. */
export interface ScheduleTick {
  schedule: string;
}

/**
 * The queue the schedules tick on, apart from the capabilities' queues. A BullMQ job scheduler always keeps its next
 * iteration as a delayed job in its queue, and a BullMQ worker whose queue holds a delayed job fetches differently
 * (it stops filling its slots after each job whose fetch found the wait list empty): in the lead queue, the
 * reconciliation's schedule alone made the 10,000-lead drain send its Graph reads in half batches (400 calls instead
 * of 200). So the schedules tick here, and each tick only adds its job, due now, to the capability's queue.
 */
export const SCHEDULE_TICKS_QUEUE = declareQueue<{ tick: ScheduleTick }>({
  name: 'schedules',
  jobs: { tick: { concurrency: 1 } },
});

/** A tick's own options: retried briefly (its only work is one add), few kept. */
export const TICK_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 100 },
  removeOnFail: { count: 100 },
} as const;

/** The job a tick adds: one per schedule and tick, so a tick retried after its add is not added twice. */
export const tickJobId = (scheduleId: string, tickedAt: number): string => `${scheduleId}:${tickedAt}`;

/** Turns each tick into its schedule's job on the capability's queue; nothing else. */
@Injectable()
export class ScheduleTickHandler {
  private readonly byId: Map<string, Schedule>;

  constructor(
    @Inject(SCHEDULES) schedules: readonly Schedule[],
    private readonly moduleRef: ModuleRef,
  ) {
    this.byId = new Map(schedules.map((schedule) => [schedule.id, schedule]));
  }

  @JobHandler(SCHEDULE_TICKS_QUEUE, 'tick')
  async tick(job: Job<ScheduleTick>): Promise<{ added: string }> {
    const schedule = this.byId.get(job.data.schedule);
    // A schedule this version no longer declares (left in the queue backend by an earlier one): nothing to add.
    if (!schedule) return { added: 'nothing: unknown schedule' };
    const queue = this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
    const added = await queue.add(schedule.jobName, schedule.data ?? {}, {
      ...schedule.opts,
      jobId: tickJobId(schedule.id, job.timestamp),
    });
    return { added: `${schedule.queue}/${added.id}` };
  }
}
