import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { STARTUP_LOCKS, withAdvisoryLock } from '../../database/advisory-lock';
import { Schedule, SCHEDULES } from './schedule';
import { SCHEDULE_TICKS_QUEUE, TICK_OPTIONS } from './schedule-ticks';

/**
 * How often each instance checks that the schedules still exist in the queue backend. They live there, so a Redis
 * that lost its data (FLUSHALL, a restart without persistence) loses them, and with them the inbox relay and the
 * reconciliation that would heal the lost jobs; until an instance started again, nothing would run.
 */
export const SCHEDULES_CHECK_MS = 15_000;

/**
 * Declares the schedules (app.schedules.ts, from each capability's jobs file) in the queue backend at start-up, as job
 * schedulers of the `schedules` queue whose ticks add each schedule's job to its capability's queue
 * (schedule-ticks.ts), and declares again any that went missing. It only enqueues: the work is done by the job's
 * handler in a worker process. Upserting is idempotent, so every instance may do it.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private timer?: NodeJS.Timeout;
  /** A check waiting on a queue backend that does not answer is not joined by another. */
  private checking = false;

  constructor(
    @Inject(SCHEDULES) private readonly schedules: readonly Schedule[],
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.declare(this.schedules);
    this.logger.log(`Declared ${this.schedules.length} job schedule(s)`);
    this.timer = setInterval(() => void this.checkSchedules(), SCHEDULES_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Declares again the schedules the queue backend no longer has; answers their ids. */
  async restoreMissing(): Promise<string[]> {
    const missing: Schedule[] = [];
    for (const schedule of this.schedules) {
      if (!(await this.ticks().getJobScheduler(schedule.id))) missing.push(schedule);
    }
    if (missing.length === 0) return [];
    await this.declare(missing);
    const ids = missing.map((schedule) => schedule.id);
    this.logger.warn({ schedules: ids }, 'Job schedules were missing from the queue backend (its data was lost?); declared them again');
    return ids;
  }

  private async checkSchedules(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.restoreMissing();
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not check the job schedules; the next check tries again');
    } finally {
      this.checking = false;
    }
  }

  /**
   * Instances take turns. On Redis an upsert is one atomic script, but BullMQ's PostgreSQL backend runs it as
   * several statements: of two instances upserting the same schedule at once, the later one can find the first
   * one's new iteration and fail ("job ID already exists"), which would stop that instance's start-up.
   */
  private async declare(schedules: readonly Schedule[]): Promise<void> {
    await withAdvisoryLock(this.dataSource, STARTUP_LOCKS.schedules, async () => {
      for (const schedule of schedules) {
        await this.ticks().upsertJobScheduler(schedule.id, schedule.repeat, {
          name: 'tick',
          data: { schedule: schedule.id },
          opts: TICK_OPTIONS,
        });
      }
    });
  }

  private ticks(): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(SCHEDULE_TICKS_QUEUE.name), { strict: false });
  }
}
