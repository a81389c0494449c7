import { DynamicModule, Module } from '@nestjs/common';
import { SCHEDULES, type Schedule } from './schedule';
import { SchedulerService } from './scheduler.service';

/** Declares the application's schedules (handed over by the composition root) in the queue backend. */
@Module({})
export class SchedulerModule {
  static forRoot(schedules: readonly Schedule[]): DynamicModule {
    return { module: SchedulerModule, providers: [{ provide: SCHEDULES, useValue: schedules }, SchedulerService] };
  }
}
