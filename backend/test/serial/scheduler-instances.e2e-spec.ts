/**
 * Several instances starting together each declare the job schedules. On BullMQ's PostgreSQL backend (the one
 * `npm start` uses) an upsert is several statements, not one atomic script as on Redis, so this runs on it whatever
 * the test queue backend: every instance must start, and each schedule must end up with one scheduler and one next
 * job. In test/serial/, which `npm test` runs alone: the app on the PostgreSQL backend and the instances' queues hold
 * up to about 40 connections, and another file beside it could take PostgreSQL past its max_connections.
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { ModuleRef } from '@nestjs/core';
import { createPostgresBackend, Queue } from 'bullmq';
import { Pool } from 'pg';
import { POSTGRES_QUEUE_SCHEMA } from '../../src/infra/queue/queue-connection';
import { SCHEDULE_TICKS_QUEUE } from '../../src/infra/scheduler/schedule-ticks';
import { SchedulerService } from '../../src/infra/scheduler/scheduler.service';
import { APP_QUEUES } from '../../src/app.queues';
import { APP_SCHEDULES } from '../../src/app.schedules';
import { createTestApp, TestApp } from '../utils/create-test-app';

const INSTANCES = 4;

describe('job schedules declared by instances starting together (PostgreSQL queue backend, e2e)', () => {
  let t: TestApp;
  const opened: Queue[] = [];
  const pools: Pool[] = [];

  beforeAll(async () => {
    // An empty REDIS_URL selects the PostgreSQL backend.
    t = await createTestApp({ env: { REDIS_URL: '' } });
  });
  afterAll(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    await Promise.all(pools.map((pool) => pool.end()));
    await t?.close();
  });

  /** An instance's scheduler: queues of its own (its own connections to the backend), as another process has. */
  function anotherInstance(): SchedulerService {
    const queues = new Map<string, Queue>();
    // One pool for the instance's queues, as the app has one: a pool per queue made the four instances open 40
    // connections beside the app's own (then 50), and beside another e2e file PostgreSQL refused some ("too many
    // clients already" at max_connections 100). Three connections still run the instance's statements side by side.
    const pool = new Pool({ connectionString: t.env.DATABASE_URL, max: 3, options: `-c search_path="${POSTGRES_QUEUE_SCHEMA}"` });
    pools.push(pool);
    for (const { name } of APP_QUEUES) {
      const opts = t.app.get<Queue>(getQueueToken(name)).opts;
      const queue = new Queue(name, { ...opts, connection: pool } as unknown as typeof opts, createPostgresBackend as never);
      opened.push(queue);
      queues.set(getQueueToken(name), queue);
    }
    const moduleRef = { get: (token: string) => queues.get(token) } as unknown as ModuleRef;
    return new SchedulerService(APP_SCHEDULES, moduleRef, t.dataSource);
  }

  it('starts every instance and keeps one scheduler and one next job per schedule', async () => {
    // The app's queues are on PostgreSQL: their connection is the app's shared pool.
    expect(t.app.get<Queue>(getQueueToken(APP_QUEUES[0].name)).opts.connection).toBeInstanceOf(Pool);
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
