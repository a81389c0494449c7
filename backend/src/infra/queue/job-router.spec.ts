import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { currentCorrelationId } from '../../common/correlation/correlation';
import { JobRouter } from './job-router';
import { declareQueue } from './queue-declaration';

const queue = declareQueue<{ lead: object; sweep: object; once: object }>({
  name: 'q',
  jobs: { lead: { concurrency: 3 }, sweep: { concurrency: 1 }, once: {} },
});

/** A handler whose runs end when the test says so. */
function gate() {
  const started: string[] = [];
  const ends: (() => void)[] = [];
  const handler = (job: Job) => {
    started.push(String(job.id));
    return new Promise<string>((resolve) => ends.push(() => resolve(String(job.id))));
  };
  return { started, handler, endOne: () => ends.shift()!() };
}

const job = (name: string, id: string) => {
  const moveToDelayed = jest.fn(async () => undefined);
  return { job: { name, id, moveToDelayed } as unknown as Job, moveToDelayed };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe(JobRouter.name, () => {
  it('runs each job under its own correlation id, past awaits, so what it records can be traced to it', async () => {
    const seen: (string | null)[] = [];
    const handler = async () => {
      await turn();
      seen.push(currentCorrelationId());
    };
    const sut = new JobRouter(queue, new Map([['lead', handler]]));
    await Promise.all([sut.route(job('lead', '41').job), sut.route(job('lead', '42').job)]);
    expect(seen.sort()).toEqual(['job:q:41', 'job:q:42']);
    expect(currentCorrelationId()).toBeNull();
  });

  it('gives the worker the sum of the names’ limits (1 when a name sets none)', () => {
    expect(new JobRouter(queue, new Map()).concurrency).toBe(5);
  });

  it('runs at most the limit of one name at once; the next ones wait their turn in order, others are not held up', async () => {
    const leads = gate();
    const sweeps = gate();
    const sut = new JobRouter(
      queue,
      new Map([
        ['lead', leads.handler],
        ['sweep', sweeps.handler],
      ]),
    );
    const runs = ['1', '2', '3', '4', '5'].map((id) => sut.route(job('lead', id).job, 'token'));
    const sweep = sut.route(job('sweep', 's1').job);
    await turn();
    expect(leads.started).toEqual(['1', '2', '3']);
    expect(sweeps.started).toEqual(['s1']);

    leads.endOne();
    await turn();
    expect(leads.started).toEqual(['1', '2', '3', '4']);
    for (let i = 0; i < 4; i++) {
      leads.endOne();
      await turn();
    }
    sweeps.endOne();
    await expect(Promise.all(runs)).resolves.toEqual(['1', '2', '3', '4', '5']);
    await expect(sweep).resolves.toBe('s1');
  });

  it('never runs more than the limit at once, whatever the timing of arrivals and ends', async () => {
    let running = 0;
    let most = 0;
    const handler = async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      running--;
      return 'done';
    };
    const sut = new JobRouter(queue, new Map([['lead', handler]]));
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 30; i++) {
      // Arrivals in bursts of the limit plus the waiting room (3 + 3), as a worker of that concurrency hands them out.
      runs.push(sut.route(job('lead', String(i)).job));
      if (i % 6 === 5) await Promise.all(runs.splice(0));
    }
    await Promise.all(runs);
    expect(most).toBe(3);
  });

  it('sends a job back to the queue, delayed and without spending an attempt, when as many of its name already wait', async () => {
    const sweeps = gate();
    const sut = new JobRouter(queue, new Map([['sweep', sweeps.handler]]));
    void sut.route(job('sweep', 'running').job);
    void sut.route(job('sweep', 'waiting').job);
    const extra = job('sweep', 'extra');
    const before = Date.now();
    await expect(sut.route(extra.job, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(extra.moveToDelayed).toHaveBeenCalledWith(expect.any(Number), 'token');
    const [[until]] = extra.moveToDelayed.mock.calls as unknown as [[number]];
    expect(until).toBeGreaterThanOrEqual(before + 2_000);
    expect(sweeps.started).toEqual(['running']);
  });

  it('fails a job whose name has no handler at once, for good', async () => {
    const sut = new JobRouter(queue, new Map());
    await expect(sut.route(job('stray', 'x').job)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('releases the slot when a handler fails', async () => {
    let calls = 0;
    const sut = new JobRouter(queue, new Map([['sweep', async () => (++calls === 1 ? Promise.reject(new Error('boom')) : 'ok')]]));
    await expect(sut.route(job('sweep', 'a').job)).rejects.toThrow('boom');
    await expect(sut.route(job('sweep', 'b').job)).resolves.toBe('ok');
  });
});
