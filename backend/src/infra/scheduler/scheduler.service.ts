import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { STARTUP_LOCKS, withAdvisoryLock } from '../../database/advisory-lock';
import { SCHEDULES } from './schedules';

/**
 * Declares the schedules in the queue backend at start-up. It only enqueues: the work is done by the queue's
 * processor in a worker process. Upserting is idempotent, so every instance may do it.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulerService.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Instances take turns. On Redis an upsert is one atomic script, but BullMQ's PostgreSQL backend runs it as
    // several statements: of two instances upserting the same schedule at once, the later one can find the first
    // one's new iteration and fail ("job ID already exists"), which stops that instance's start-up.
    await withAdvisoryLock(this.dataSource, STARTUP_LOCKS.schedules, async () => {
      for (const schedule of SCHEDULES) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
        await queue.upsertJobScheduler(schedule.id, schedule.repeat, {
          name: schedule.jobName,
          data: schedule.data ?? {},
          opts: schedule.opts,
        });
      }
    });
    this.logger.log(`Declared ${SCHEDULES.length} job schedule(s)`);
  }
}
