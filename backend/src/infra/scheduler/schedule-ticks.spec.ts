import type { ModuleRef } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { Schedule } from './schedule';
import { ScheduleTickHandler, tickJobId } from './schedule-ticks';

const schedules: Schedule[] = [
  { id: 'meta-leads:reconcile-all', queue: 'meta-leads', jobName: 'reconcile-all', repeat: { every: 60_000 }, opts: { attempts: 3 } },
  {
    id: 'meta-webhook:relay-webhook-inbox',
    queue: 'meta-webhook',
    jobName: 'relay-webhook-inbox',
    repeat: { every: 30_000 },
    data: { x: 1 },
  },
];

describe(ScheduleTickHandler.name, () => {
  const added: { queue: string; name: string; data: unknown; opts: unknown }[] = [];
  const queues = new Map(
    ['meta-leads', 'meta-webhook'].map((queue) => [
      `BullQueue_${queue}`,
      {
        add: async (name: string, data: unknown, opts: { jobId: string }) => (added.push({ queue, name, data, opts }), { id: opts.jobId }),
      },
    ]),
  );
  const moduleRef = { get: (token: string) => queues.get(token) } as unknown as ModuleRef;
  const sut = new ScheduleTickHandler(schedules, moduleRef);
  const tick = (schedule: string, timestamp: number) => ({ data: { schedule }, timestamp }) as Job<{ schedule: string }>;

  beforeEach(() => (added.length = 0));

  it('adds the schedule’s job, due now, to its capability’s queue, with its options and an id per tick', async () => {
    await expect(sut.tick(tick('meta-leads:reconcile-all', 1764400000000))).resolves.toEqual({
      added: 'meta-leads/meta-leads:reconcile-all:1764400000000',
    });
    await sut.tick(tick('meta-webhook:relay-webhook-inbox', 1764400030000));
    expect(added).toEqual([
      {
        queue: 'meta-leads',
        name: 'reconcile-all',
        data: {},
        opts: { attempts: 3, jobId: tickJobId('meta-leads:reconcile-all', 1764400000000) },
      },
      {
        queue: 'meta-webhook',
        name: 'relay-webhook-inbox',
        data: { x: 1 },
        opts: { jobId: 'meta-webhook:relay-webhook-inbox:1764400030000' },
      },
    ]);
  });

  it('adds nothing for a schedule this version does not declare', async () => {
    await expect(sut.tick(tick('housekeeping:relay-webhook-inbox', 1))).resolves.toEqual({ added: 'nothing: unknown schedule' });
    expect(added).toEqual([]);
  });
});
