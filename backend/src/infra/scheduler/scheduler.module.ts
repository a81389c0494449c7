import { DynamicModule, Module } from '@nestjs/common';
import { SCHEDULES, type Schedule } from './schedule';
import { ScheduleTickHandler } from './schedule-ticks';
import { SchedulerService } from './scheduler.service';

/**
 * Declares the application's schedules (handed over by the composition root) in the queue backend, and turns their
 * ticks into jobs on the capabilities' queues. Its queue, `schedules`, is listed in app.queues.ts like the others.
 */
@Module({})
export class SchedulerModule {
  static forRoot(schedules: readonly Schedule[]): DynamicModule {
    return { module: SchedulerModule, providers: [{ provide: SCHEDULES, useValue: schedules }, SchedulerService, ScheduleTickHandler] };
  }
}
