/**
 * Several instances starting together each declare the job schedules. On BullMQ's PostgreSQL backend (the one
 * `npm start` uses) an upsert is several statements, not one atomic script as on Redis, so this runs on it whatever
 * the test queue backend: every instance must start, and each schedule must end up with one scheduler and one next
 * job.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { ModuleRef } from '@nestjs/core';
import { createPostgresBackend, Queue } from 'bullmq';
import { SCHEDULE_TICKS_QUEUE } from '../../src/infra/scheduler/schedule-ticks';
import { SchedulerService } from '../../src/infra/scheduler/scheduler.service';
import { APP_QUEUES } from '../../src/app.queues';
import { APP_SCHEDULES } from '../../src/app.schedules';
import { createTestApp, TestApp } from '../utils/create-test-app';

const INSTANCES = 4;

describe('job schedules declared by instances starting together (PostgreSQL queue backend, e2e)', () => {
  let t: TestApp;
  const opened: Queue[] = [];

  beforeAll(async () => {
    // An empty REDIS_URL selects the PostgreSQL backend.
    t = await createTestApp({ env: { REDIS_URL: '' } });
  });
  afterAll(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    await t?.close();
  });

  /** An instance's scheduler: queues of its own (its own connections to the backend), as another process has. */
  function anotherInstance(): SchedulerService {
    const queues = new Map<string, Queue>();
    for (const { name } of APP_QUEUES) {
      const queue = new Queue(name, t.app.get<Queue>(getQueueToken(name)).opts, createPostgresBackend as never);
      opened.push(queue);
      queues.set(getQueueToken(name), queue);
    }
    const moduleRef = { get: (token: string) => queues.get(token) } as unknown as ModuleRef;
    return new SchedulerService(APP_SCHEDULES, moduleRef, t.dataSource);
  }

  it('starts every instance and keeps one scheduler and one next job per schedule', async () => {
    expect(t.app.get<Queue>(getQueueToken(APP_QUEUES[0].name)).opts.connection).toHaveProperty('connectionString');
    const instances = Array.from({ length: INSTANCES }, anotherInstance);
    for (let round = 0; round < 3; round++) {
      const started = await Promise.allSettled(instances.map((instance) => instance.onApplicationBootstrap()));
      expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
    }

    const queue = t.app.get<Queue>(getQueueToken(SCHEDULE_TICKS_QUEUE.name));
    for (const schedule of APP_SCHEDULES) {
      const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key === schedule.id);
      expect(schedulers).toHaveLength(1);
      const next = (await queue.getJobs(['delayed', 'waiting'])).filter((job) => job.id?.startsWith(`repeat:${schedule.id}:`));
      expect(next.map((job) => job.id)).toHaveLength(1);
    }
  });
});
